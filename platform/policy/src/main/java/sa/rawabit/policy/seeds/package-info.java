/**
 * The five seed associations' policies, shipped as policy files so the apps can load
 * them.
 */
@org.jspecify.annotations.NullMarked
package sa.rawabit.policy.seeds;
