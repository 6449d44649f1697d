package sa.rawabit.admin.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import sa.rawabit.admin.AdminTest;
import sa.rawabit.admin.policies.PolicyVersion;
import sa.rawabit.admin.policies.PolicyVersionStatus;
import sa.rawabit.admin.policies.PolicyVersioning;
import sa.rawabit.admin.tenants.Association;
import sa.rawabit.admin.tenants.TenantRegistry;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.policy.PolicyDate;
import sa.rawabit.policy.seeds.SeedPolicies;

class DemoAssociationsTests extends AdminTest {

	@Autowired
	DemoAssociations demo;

	@Autowired
	TenantRegistry registry;

	@Autowired
	PolicyVersioning versioning;

	/**
	 * Other tests of this run publish further versions for the demo associations (the
	 * console's pages are signed in as their demo users), so what is asserted is that
	 * seeding again adds nothing.
	 */
	@Test
	void seedWhenRunTwiceThenNoNewVersionAndEachHasAnApprovedPolicyInForce() {
		Flux.fromIterable(SeedPolicies.all().values())
			.concatMap(demo::seed)
			.then()
			.as(StepVerifier::create)
			.verifyComplete();
		Map<String, Integer> versions = new LinkedHashMap<>();
		SeedPolicies.all().keySet().forEach(slug -> versions.put(slug, history(slug).size()));

		Flux.fromIterable(SeedPolicies.all().values())
			.concatMap(demo::seed)
			.then()
			.as(StepVerifier::create)
			.verifyComplete();

		for (String slug : SeedPolicies.all().keySet()) {
			assertThat(history(slug)).as(slug)
				.hasSize(versions.get(slug))
				.filteredOn(version -> version.status() == PolicyVersionStatus.PUBLISHED)
				.isNotEmpty()
				.allSatisfy(version -> assertThat(version.approval()).isNotNull());
		}
	}

	private List<PolicyVersion> history(String slug) {
		Association association = registry.findBySlug(slug).block();
		return versioning.history().contextWrite(TenantContext.of(association.id())).collectList().block();
	}

	@Test
	void seedWhenPolicyRecordsAHijriApprovalThenPublishedWithIt() {
		Association libraries = demo.seed(SeedPolicies.get("professional-libraries")).block();

		PolicyVersion inForce = versioning.inForce().contextWrite(TenantContext.of(libraries.id())).block();
		assertThat(inForce.approval().date()).isEqualTo(PolicyDate.hijri(1445, 2, 8));
		assertThat(inForce.approval().date().toGregorian()).isEqualTo(LocalDate.of(2023, 8, 24));
		assertThat(libraries.nameAr())
			.isEqualTo(SeedPolicies.get("professional-libraries").policy().association().names().ar());
	}

}
