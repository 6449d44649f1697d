package sa.rawabit.admin.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;
import sa.rawabit.admin.AdminTest;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.tenancy.TenantStatus;

class TenantRegistryTests extends AdminTest {

	@Autowired
	TenantRegistry registry;

	@Test
	void onboardWhenNewThenActiveAndListed() {
		NewAssociation thimar = association("thimar");
		Association created = registry.onboard(thimar).block();

		registry.find(created.id()).as(StepVerifier::create).assertNext(found -> {
			assertThat(found.slug()).isEqualTo(thimar.slug());
			assertThat(found.nameAr()).isEqualTo("جمعية ثمار الخير");
			assertThat(found.licence()).isEqualTo(thimar.licence());
			assertThat(found.status()).isEqualTo(TenantStatus.ACTIVE);
		}).verifyComplete();
		registry.all()
			.filter(listed -> listed.id().equals(created.id()))
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();
	}

	@Test
	void onboardWhenSlugTakenThenConflictNamingSlugAndNothingAdded() {
		NewAssociation first = association("taken");
		registry.onboard(first).block();
		long before = registry.all().count().block();

		registry.onboard(new NewAssociation(first.slug(), "أخرى", "Other", new Licence("NCNP", unique()), "Makkah"))
			.as(StepVerifier::create)
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(ProblemException.class, problem -> {
				assertThat(problem.problemType().status().value()).isEqualTo(409);
				assertThat(problem.field()).isEqualTo("slug");
			}))
			.verify();
		assertThat(registry.all().count().block()).isEqualTo(before);
	}

	@Test
	void suspendThenReactivateWhenActiveThenStatusFollows() {
		Association created = registry.onboard(association("cycle")).block();

		registry.suspend(created.id())
			.map(Association::status)
			.as(StepVerifier::create)
			.expectNext(TenantStatus.SUSPENDED)
			.verifyComplete();
		registry.reactivate(created.id())
			.map(Association::status)
			.as(StepVerifier::create)
			.expectNext(TenantStatus.ACTIVE)
			.verifyComplete();
	}

	@Test
	void suspendWhenAlreadySuspendedThenIllegalTransition() {
		Association created = registry.onboard(association("twice")).block();
		registry.suspend(created.id()).block();

		registry.suspend(created.id()).as(StepVerifier::create).expectError(IllegalTransitionException.class).verify();
	}

	private static NewAssociation association(String prefix) {
		String slug = prefix + "-" + unique().toLowerCase();
		return new NewAssociation(slug, "جمعية ثمار الخير", "Thimar Al-Khair", new Licence("NCNP", unique()), "Riyadh");
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
