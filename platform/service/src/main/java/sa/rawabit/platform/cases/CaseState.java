package sa.rawabit.platform.cases;

/** Where a case stands, as its row, the audit trail and the dashboards spell it. */
public interface CaseState {

	String column();

}
