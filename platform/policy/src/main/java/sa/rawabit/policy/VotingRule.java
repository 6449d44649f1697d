package sa.rawabit.policy;

/** How a committee's decision follows from the votes of the members present. */
public enum VotingRule implements Keyed {

	/**
	 * More than half of the members present vote for the outcome; abstaining counts
	 * against both.
	 */
	MAJORITY_OF_PRESENT,

	/** Every member present votes for the same outcome. */
	UNANIMITY

}
