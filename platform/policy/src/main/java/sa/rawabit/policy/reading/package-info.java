/**
 * Reads a policy file (YAML) into a {@link sa.rawabit.policy.Policy}, reporting every
 * problem at once.
 */
@org.jspecify.annotations.NullMarked
package sa.rawabit.policy.reading;
