package sa.rawabit.platform.complaints;

import java.time.Duration;
import java.util.UUID;

import reactor.test.StepVerifier;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.TestPolicies;

/** Samtah's seed policy, plus an acknowledgement deadline and a fixed escalation delay for the clocks. */
public final class ComplaintPolicies {

	private ComplaintPolicies() {
	}

	/** Publishes and waits until this replica serves the version, so the next request sees it. */
	public static void publish(PoliciesInForce policies, TenantId tenant, String yaml) {
		awaitInForce(policies, tenant, TestPolicies.publish(tenant, yaml));
	}

	/** Waits until this replica serves {@code version} of the association's policy. */
	public static void awaitInForce(PoliciesInForce policies, TenantId tenant, UUID version) {
		policies.inForce(tenant)
			.filter(loaded -> loaded.version().value().equals(version))
			.repeatWhenEmpty(empty -> empty.delayElements(Duration.ofMillis(20)))
			.timeout(Duration.ofSeconds(5))
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();
	}

	/**
	 * Samtah with clocks in its own words: complaints escalate to its executive director, a role the
	 * policy declares, and a services committee exists that has nothing to do with complaints.
	 */
	public static String withExecutiveDirector() {
		return samtahWithClocks().replace("complaints:\n", """
				roles:
				  - id: executive-director
				    names: { ar: المدير التنفيذي, en: Executive director }
				  - id: services-committee
				    names: { ar: لجنة الخدمات, en: Services committee }

				complaints:
				""").replace("    to: top-management\n", "    to: executive-director\n");
	}

	public static String samtah() {
		return SeedPolicies.get("samtah-cooperative").yaml();
	}

	public static String samtahWithClocks() {
		return samtah().replace("""
				deadlines:
				""", """
				deadlines:
				  - id: complaint-ack
				    starts-at: complaint-received
				    maximum: 2
				    unit: working-days
				    warn-before: 1
				""").replace("""
				  escalation:
				    to: top-management
				""", """
				  acknowledgement: complaint-ack
				  escalation:
				    to: top-management
				    after: 5
				    unit: working-days
				""");
	}
}
