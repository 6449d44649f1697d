package sa.rawabit.platform.complaints;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import reactor.test.StepVerifier;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestPolicies;

/**
 * Samtah's seed policy, plus an acknowledgement deadline and a fixed escalation delay for
 * the clocks.
 */
public final class ComplaintPolicies {

	private ComplaintPolicies() {
	}

	/**
	 * Publishes and waits until this replica serves the version, so the next request sees
	 * it, and until its {@code policy.published} event is in the outbox (written just
	 * after), so it does not land among the events a test writes next.
	 */
	public static void publish(PoliciesInForce policies, TenantId tenant, String yaml) {
		UUID version = TestPolicies.publish(tenant, yaml);
		awaitInForce(policies, tenant, version);
		awaitAnnounced(tenant, version);
	}

	private static void awaitAnnounced(TenantId tenant, UUID version) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		try (Connection superuser = TestDatabase.get().connectAsSuperuser();
				PreparedStatement announced = superuser.prepareStatement("""
						select count(*) from app.outbox
						where tenant_id = ? and topic = 'policy.published' and subject_id = ?""")) {
			announced.setObject(1, tenant.value());
			announced.setObject(2, version);
			while (System.nanoTime() < deadline) {
				try (ResultSet rows = announced.executeQuery()) {
					rows.next();
					if (rows.getLong(1) > 0) {
						return;
					}
				}
				Thread.sleep(20);
			}
		}
		catch (SQLException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
		throw new AssertionError("policy version " + version + " was not announced within 10 s");
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
	 * Samtah with clocks in its own words: complaints escalate to its executive director,
	 * a role the policy declares, and a services committee exists that has nothing to do
	 * with complaints.
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
