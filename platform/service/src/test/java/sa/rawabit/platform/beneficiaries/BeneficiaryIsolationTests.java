package sa.rawabit.platform.beneficiaries;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;
import sa.rawabit.foundation.database.MissingDatabaseScopeException;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.tenancy.MissingTenantException;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.testing.TestTenants;

/**
 * Through the repositories, as the platform's role: one association never reaches
 * another's rows.
 */
class BeneficiaryIsolationTests extends PlatformTest {

	@Autowired
	BeneficiaryRegistry registry;

	@Autowired
	Beneficiaries beneficiaries;

	@Autowired
	Transactions transactions;

	TenantId tenantA;

	TenantId tenantB;

	Beneficiary ofA;

	@BeforeEach
	void twoAssociationsAndOneBeneficiaryOfA() {
		tenantA = TestTenants.create("isolation-a");
		tenantB = TestTenants.create("isolation-b");
		ofA = registry.register(person("أحمد"), "officer-a").contextWrite(TenantContext.of(tenantA)).block();
	}

	@Test
	void findWhenOtherTenantThenEmpty() {
		registry.find(ofA.id()).contextWrite(TenantContext.of(tenantB)).as(StepVerifier::create).verifyComplete();
		registry.find(ofA.id())
			.contextWrite(TenantContext.of(tenantA))
			.as(StepVerifier::create)
			.assertNext(found -> assertThat(found.fullName()).isEqualTo("أحمد"))
			.verifyComplete();
	}

	@Test
	void listWhenOtherTenantThenOnlyItsOwnRows() {
		Beneficiary ofB = registry.register(person("سارة"), "officer-b")
			.contextWrite(TenantContext.of(tenantB))
			.block();
		registry.all()
			.contextWrite(TenantContext.of(tenantB))
			.as(StepVerifier::create)
			.assertNext(only -> assertThat(only.id()).isEqualTo(ofB.id()))
			.verifyComplete();
	}

	@Test
	void updateWhenOtherTenantThenNothingChanges() {
		registry.updateContact(ofA.id(), "0500000000", "x@example.org", "officer-b")
			.contextWrite(TenantContext.of(tenantB))
			.as(StepVerifier::create)
			.expectNext(false)
			.verifyComplete();
		registry.find(ofA.id())
			.contextWrite(TenantContext.of(tenantA))
			.as(StepVerifier::create)
			.assertNext(unchanged -> assertThat(unchanged.phone()).isNull())
			.verifyComplete();
	}

	@Test
	void deleteWhenOtherTenantThenRowSurvives() {
		transactions.inTenant(beneficiaries.delete(ofA.id()))
			.contextWrite(TenantContext.of(tenantB))
			.as(StepVerifier::create)
			.expectNext(0L)
			.verifyComplete();
		registry.find(ofA.id())
			.contextWrite(TenantContext.of(tenantA))
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();
	}

	@Test
	void insertWhenRowNamesOtherTenantThenRefusedByPolicy() {
		Beneficiary forged = new Beneficiary(BeneficiaryId.random(), tenantA, nextNationalId(), "مزوّر", null, null,
				null, null, null, false, null, ofA.createdAt());
		transactions.inTenant(beneficiaries.insert(forged))
			.contextWrite(TenantContext.of(tenantB))
			.as(StepVerifier::create)
			.expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("row-level security"))
			.verify();
	}

	@Test
	void registerWhenSameNationalIdInOtherTenantThenAllowedButNotTwiceInOne() {
		NewBeneficiary same = new NewBeneficiary(ofA.nationalId(), "أحمد", null, null);
		registry.register(same, "officer-b")
			.contextWrite(TenantContext.of(tenantB))
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();
		registry.register(same, "officer-a")
			.contextWrite(TenantContext.of(tenantA))
			.as(StepVerifier::create)
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(ProblemException.class,
					problem -> assertThat(problem.field()).isEqualTo("nationalId")))
			.verify();
	}

	@Test
	void repositoryWhenCalledOutsideAnyScopeThenFailsLoudly() {
		beneficiaries.findAll()
			.as(StepVerifier::create)
			.expectErrorSatisfies(
					error -> assertThat(error).hasRootCauseInstanceOf(MissingDatabaseScopeException.class))
			.verify();
	}

	@Test
	void tenantTransactionWhenNoTenantInContextThenFailsLoudly() {
		registry.all().as(StepVerifier::create).expectError(MissingTenantException.class).verify();
	}

	@Test
	void systemScopeWhenReadingTenantRowsThenSeesNone() {
		transactions.asSystemMany("test", beneficiaries.findAll()).as(StepVerifier::create).verifyComplete();
	}

	static NewBeneficiary person(String name) {
		return new NewBeneficiary(nextNationalId(), name, null, null);
	}

	static String nextNationalId() {
		return String.format("1%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
	}

}
