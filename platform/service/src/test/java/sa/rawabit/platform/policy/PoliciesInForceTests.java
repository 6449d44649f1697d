package sa.rawabit.platform.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;
import sa.rawabit.foundation.policy.PolicyVersionId;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.TestPolicies;
import sa.rawabit.testing.TestTenants;

/** One replica: what {@link PoliciesInForce} serves as associations publish versions. */
class PoliciesInForceTests extends PlatformTest {

	static final Duration ONE_SECOND = Duration.ofSeconds(1);

	static final String MALFORMED = "association: [never closed\n  title: {";

	@Autowired
	PoliciesInForce policies;

	@Autowired
	MeterRegistry meters;

	@Test
	void inForceWhenSeedPublishedThenServedWithinOneSecond() {
		SeedPolicies.all().forEach((slug, seed) -> {
			TenantId tenant = TestTenants.create(slug);
			UUID version = TestPolicies.publish(tenant, seed.yaml());
			Publications.inForce(policies, tenant, version, ONE_SECOND).as(StepVerifier::create).assertNext(loaded -> {
				assertThat(loaded.tenant()).isEqualTo(tenant);
				assertThat(loaded.number()).isEqualTo(1);
				assertThat(loaded.policy()).isEqualTo(seed.policy());
			}).verifyComplete();
		});
	}

	@Test
	void inForceWhenNothingPublishedThenEmpty() {
		policies.inForce(TestTenants.create("no-policy")).as(StepVerifier::create).verifyComplete();
	}

	@Test
	void versionWhenSupersededThenStillServedWhileInForceReturnsNew() {
		TenantId tenant = TestTenants.create("superseding");
		UUID first = TestPolicies.publish(tenant, SeedPolicies.get("thimar-alkhair").yaml());
		Publications.inForce(policies, tenant, first, ONE_SECOND)
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();
		UUID second = TestPolicies.publish(tenant, SeedPolicies.get("samtah-cooperative").yaml());

		Publications.inForce(policies, tenant, second, ONE_SECOND).as(StepVerifier::create).assertNext(loaded -> {
			assertThat(loaded.number()).isEqualTo(2);
			assertThat(loaded.policy().association().slug()).isEqualTo("samtah-cooperative");
		}).verifyComplete();
		policies.version(tenant, new PolicyVersionId(first)).as(StepVerifier::create).assertNext(kept -> {
			assertThat(kept.number()).isEqualTo(1);
			assertThat(kept.policy().association().slug()).isEqualTo("thimar-alkhair");
		}).verifyComplete();
	}

	@Test
	void inForceWhenOtherTenantThenNeverItsPolicy() {
		TenantId a = TestTenants.create("policy-a");
		TenantId b = TestTenants.create("policy-b");
		UUID ofA = TestPolicies.publish(a, SeedPolicies.get("tiryaq-health").yaml());
		UUID ofB = TestPolicies.publish(b, SeedPolicies.get("suqya-makkah").yaml());
		Publications.inForce(policies, a, ofA, ONE_SECOND).as(StepVerifier::create).expectNextCount(1).verifyComplete();
		Publications.inForce(policies, b, ofB, ONE_SECOND)
			.as(StepVerifier::create)
			.assertNext(loaded -> assertThat(loaded.policy().association().slug()).isEqualTo("suqya-makkah"))
			.verifyComplete();

		policies.version(b, new PolicyVersionId(ofA)).as(StepVerifier::create).verifyComplete();
		policies.version(a, new PolicyVersionId(ofB)).as(StepVerifier::create).verifyComplete();
		policies.version(a, new PolicyVersionId(ofA))
			.as(StepVerifier::create)
			.assertNext(loaded -> assertThat(loaded.policy().association().slug()).isEqualTo("tiryaq-health"))
			.verifyComplete();
	}

	@Test
	void versionWhenUnknownThenEmpty() {
		TenantId tenant = TestTenants.create("unknown-version");
		policies.version(tenant, new PolicyVersionId(UUID.randomUUID())).as(StepVerifier::create).verifyComplete();
	}

	@Test
	void inForceWhenNewSourceMalformedThenPreviousKeptOthersLoadAndFailureCounted() {
		TenantId broken = TestTenants.create("malformed");
		TenantId healthy = TestTenants.create("healthy");
		UUID good = TestPolicies.publish(broken, SeedPolicies.get("professional-libraries").yaml());
		Publications.inForce(policies, broken, good, ONE_SECOND)
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();
		double failedBefore = reloads("failed");

		TestPolicies.publish(broken, MALFORMED);
		UUID next = TestPolicies.publish(healthy, SeedPolicies.get("thimar-alkhair").yaml());

		Publications.inForce(policies, healthy, next, ONE_SECOND)
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();
		policies.inForce(broken)
			.as(StepVerifier::create)
			.assertNext(kept -> assertThat(kept.version().value()).isEqualTo(good))
			.verifyComplete();
		assertThat(reloads("failed")).isEqualTo(failedBefore + 1);
	}

	@Test
	void metricsWhenPoliciesLoadedThenGaugeAndCounterExposed() {
		TenantId tenant = TestTenants.create("metered");
		double loadedBefore = reloads("loaded");
		UUID version = TestPolicies.publish(tenant, SeedPolicies.get("tiryaq-health").yaml());
		Publications.inForce(policies, tenant, version, ONE_SECOND)
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();

		assertThat(reloads("loaded")).isGreaterThan(loadedBefore);
		assertThat(meters.get("rawabit.policy.loaded.tenants").gauge().value()).isGreaterThanOrEqualTo(1);
	}

	private double reloads(String outcome) {
		return meters.get("rawabit.policy.reloads").tag("outcome", outcome).counter().count();
	}

}
