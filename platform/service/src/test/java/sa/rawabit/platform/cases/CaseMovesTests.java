package sa.rawabit.platform.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.policy.PolicyVersionId;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.platform.audit.AuditEvent;
import sa.rawabit.platform.audit.AuditTrail;
import sa.rawabit.platform.complaints.ComplaintPolicies;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;

/**
 * The kernel's frame around a desk's step: who may act, the locked case, and what a move
 * records.
 */
class CaseMovesTests extends PlatformTest {

	@Autowired
	CaseMoves cases;

	@Autowired
	PoliciesInForce policies;

	@Autowired
	AuditTrail audit;

	@Autowired
	Transactions transactions;

	@Autowired
	DatabaseClient database;

	TestTenant association;

	@BeforeEach
	void publishPolicy() {
		association = TestTenants.register("cases");
		ComplaintPolicies.publish(policies, association.id(), ComplaintPolicies.samtah());
	}

	@Test
	void moveWhenTheCaseIsMissingThenNotFoundAndTheStepDoesNotRun() {
		AtomicBoolean stepped = new AtomicBoolean();

		cases.move(member("user-" + association.slug()), "complaint", Mono.<String>empty(), c -> {
			stepped.set(true);
			return Mono.just(c);
		})
			.contextWrite(TenantContext.of(association.id()))
			.as(StepVerifier::create)
			.expectErrorSatisfies(
					error -> assertThat(((ProblemException) error).problemType().status().value()).isEqualTo(404))
			.verify();
		assertThat(stepped).isFalse();
	}

	@Test
	void moveWhenTheMemberHasNotAcknowledgedThePolicyThenForbiddenAndTheCaseIsNotLocked() {
		AtomicBoolean locked = new AtomicBoolean();

		cases
			.move(member("never-acknowledged"), "complaint", Mono.fromCallable(() -> locked.getAndSet(true)),
					Mono::just)
			.contextWrite(TenantContext.of(association.id()))
			.as(StepVerifier::create)
			.expectErrorSatisfies(error -> assertThat(((ProblemException) error).problemType().slug())
				.isEqualTo("policy-not-acknowledged"))
			.verify();
		assertThat(locked).isFalse();
	}

	@Test
	void moveWhenTheMemberHasNoAssociationThenForbiddenBeforeTheAcknowledgementIsRead() {
		var stranger = new StaffMember("operator", "operator", null, null, Set.of("platform-operator"));

		cases.move(stranger, "complaint", Mono.just("case"), Mono::just)
			.as(StepVerifier::create)
			.expectErrorSatisfies(
					error -> assertThat(((ProblemException) error).problemType().status().value()).isEqualTo(403))
			.verify();
	}

	@Test
	void recordWhenTheMoveCommitsThenOneAuditEventAndOneOutboxRowSayWhatHappened() {
		UUID id = UUID.randomUUID();
		PolicyVersionId version = new PolicyVersionId(UUID.randomUUID());
		Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
		var entry = new CaseEntry("complaint.acknowledged", "complaint", () -> id, () -> "received",
				() -> "acknowledged", version, "officer", at, Map.of("by", "test"));

		cases
			.onLocked("complaint", Mono.just("case"),
					c -> cases.record(entry,
							CaseNotice.to(Set.of("follow-up-committee"), Map.of("state", "acknowledged"))))
			.contextWrite(TenantContext.of(association.id()))
			.as(StepVerifier::create)
			.verifyComplete();

		transactions.inTenantMany(audit.historyOf("complaint", id))
			.contextWrite(TenantContext.of(association.id()))
			.as(StepVerifier::create)
			.expectNext(new AuditEvent(at, "officer", "complaint.acknowledged", "complaint", id, "received",
					"acknowledged", version.toString(), Map.of("by", "test")))
			.verifyComplete();
		outboxRows(id, "complaint.acknowledged").as(StepVerifier::create).expectNext(1L).verifyComplete();
	}

	@Test
	void recordWhenTheStepFailsAfterwardsThenNeitherAuditNorOutboxRowIsKept() {
		UUID id = UUID.randomUUID();
		var entry = new CaseEntry("complaint.resolved", "complaint", () -> id, () -> "acknowledged", () -> "resolved",
				new PolicyVersionId(UUID.randomUUID()), "officer", Instant.now(), Map.of());

		cases
			.onLocked("complaint", Mono.just("case"),
					c -> cases.record(entry, CaseNotice.to(Set.of("follow-up-committee"), Map.of()))
						.then(Mono.error(new IllegalStateException("a later statement failed"))))
			.contextWrite(TenantContext.of(association.id()))
			.as(StepVerifier::create)
			.expectError(IllegalStateException.class)
			.verify();

		transactions.inTenantMany(audit.historyOf("complaint", id))
			.contextWrite(TenantContext.of(association.id()))
			.as(StepVerifier::create)
			.verifyComplete();
		outboxRows(id, "complaint.resolved").as(StepVerifier::create).expectNext(0L).verifyComplete();
	}

	private StaffMember member(String subject) {
		return new StaffMember(subject, "officer@" + association.slug(), association.id(), association.slug(),
				Set.of("follow-up-committee"));
	}

	private Mono<Long> outboxRows(UUID subject, String topic) {
		return transactions
			.inTenant(database.sql("select count(*) as n from app.outbox where subject_id = $1 and topic = $2")
				.bind(0, subject)
				.bind(1, topic)
				.map(row -> row.get("n", Long.class))
				.one())
			.contextWrite(TenantContext.of(association.id()));
	}

}
