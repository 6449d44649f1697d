package sa.rawabit.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.foundation.tenancy.TenantStatus;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.testing.TestTenants;

class TenantDirectoryTests extends PlatformTest {

	@Autowired
	TenantDirectory directory;

	@Test
	void findByIdWhenRegisteredThenActiveWithNames() {
		TenantId id = TestTenants.create("directory");
		directory.findById(id).as(StepVerifier::create).assertNext(tenant -> {
			assertThat(tenant.slug()).startsWith("directory-");
			assertThat(tenant.nameAr()).isEqualTo("جمعية directory");
			assertThat(tenant.status().isServed()).isTrue();
		}).verifyComplete();
	}

	@Test
	void findBySlugWhenSuspendedThenNotServed() {
		TenantId id = TestTenants.create("suspended");
		TestTenants.setStatus(id, "suspended");
		String slug = directory.findById(id).map(Tenant::slug).block();
		directory.findBySlug(slug)
			.as(StepVerifier::create)
			.assertNext(tenant -> assertThat(tenant.status()).isEqualTo(TenantStatus.SUSPENDED))
			.verifyComplete();
	}

	@Test
	void findBySlugWhenUnknownThenEmpty() {
		directory.findBySlug("no-such-association").as(StepVerifier::create).verifyComplete();
	}

}
