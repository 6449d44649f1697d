package sa.rawabit.policy;

/**
 * Events a deadline's clock can start or stop at. {@code INQUIRY_RECEIVED} starts the
 * answer deadline of an inquiry; the answer itself stops that clock, so it needs no stop
 * event of its own.
 */
public enum CaseEvent implements Keyed {

	REQUEST_RECEIVED, REQUEST_COMPLETE, DECLARATION_SIGNED, DECISION_MADE, BENEFICIARY_NOTIFIED, SERVICE_DELIVERED,
	CASE_CLOSED, COMPLAINT_RECEIVED, COMPLAINT_ACKNOWLEDGED, COMPLAINT_RESOLVED, INQUIRY_RECEIVED

}
