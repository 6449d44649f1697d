package sa.rawabit.policy;

/**
 * How a wait is counted: working days skip the weekend and holidays, calendar days do
 * not.
 */
public enum DayUnit implements Keyed {

	WORKING_DAYS, CALENDAR_DAYS

}
