package sa.rawabit.foundation.problem;

/**
 * Implemented by a reader's exception that already knows which problem it is (e.g.
 * refused characters in a JSON string); {@link JsonProblems} adds the field from where
 * the reader was.
 */
public interface FieldRefusal {

	ProblemType problemType();

	String messageEn();

	String messageAr();

}
