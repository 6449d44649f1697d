/**
 * The policy model: an association's board-approved beneficiary relations policy as
 * immutable records.
 */
@org.jspecify.annotations.NullMarked
package sa.rawabit.policy;
