package sa.rawabit.foundation.problem;

/** One invalid input, named by its path in the request (e.g. {@code beneficiary.nationalId}). */
public record FieldProblem(String field, String messageEn, String messageAr) {
}
