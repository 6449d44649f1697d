package sa.rawabit.policy;

/**
 * What a stage means to the workflow. Names and wording are the association's own; the
 * kind is what the product acts on (e.g. the decision stage records approve/reject with
 * reasons).
 */
public enum StageKind implements Keyed {

	RECEPTION, COMPLETENESS_CHECK, VERIFICATION, REFERRAL, DECLARATION, DECISION, REGISTRATION, DELIVERY, NOTIFICATION

}
