package sa.rawabit.policy;

/**
 * How often a satisfaction instrument runs. {@code PERIODIC} is "بشكل دوري" with no
 * period fixed by the board; {@code CONTINUOUS} is ongoing oversight; {@code AS_NEEDED}
 * has no schedule.
 */
public enum Cadence implements Keyed {

	PER_CASE, WEEKLY, MONTHLY, QUARTERLY, SEMI_ANNUAL, ANNUAL, PERIODIC, CONTINUOUS, AS_NEEDED

}
