package sa.rawabit.platform.policy;

import java.time.Duration;
import java.util.UUID;

import reactor.core.publisher.Mono;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * For tests that publish a policy version: this replica learns of it by notification, a
 * moment later.
 */
public final class InForce {

	private InForce() {
	}

	/**
	 * Waits (10 s at most) until this replica serves {@code version} as the association's
	 * policy in force.
	 */
	public static void await(PoliciesInForce policies, TenantId tenant, UUID version) {
		policies.inForce(tenant)
			.filter(loaded -> loaded.version().value().equals(version))
			.repeatWhenEmpty(empty -> empty.delayElements(Duration.ofMillis(20)))
			.timeout(Duration.ofSeconds(10))
			.switchIfEmpty(Mono.error(new AssertionError("policy version " + version + " not in force")))
			.block();
	}

}
