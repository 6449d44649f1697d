/**
 * The offline policy validator, so an association can keep its policy in git and check it
 * in CI.
 */
@org.jspecify.annotations.NullMarked
package sa.rawabit.policy.cli;
