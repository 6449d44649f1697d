package sa.rawabit.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestTenants;

class AuditTrailTests extends PlatformTest {

	@Autowired
	AuditTrail audit;

	@Autowired
	Transactions transactions;

	@Test
	void appendWhenInTenantThenReadBackInOrderOnlyByThatTenant() {
		TenantId tenant = TestTenants.create("audit");
		TenantId other = TestTenants.create("audit-other");
		UUID subject = UUID.randomUUID();
		Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
		AuditEvent first = new AuditEvent(at, "officer", "request.received", "request", subject, null, "received",
				"samtah@3", Map.of("channel", "phone"));
		AuditEvent second = new AuditEvent(at.plusSeconds(1), "officer", "request.completed", "request", subject,
				"received", "complete", "samtah@3", Map.of());

		transactions.inTenant(audit.append(first).then(audit.append(second)))
			.contextWrite(TenantContext.of(tenant))
			.as(StepVerifier::create)
			.verifyComplete();

		transactions.inTenantMany(audit.historyOf("request", subject))
			.contextWrite(TenantContext.of(tenant))
			.as(StepVerifier::create)
			.expectNext(first, second)
			.verifyComplete();
		transactions.inTenantMany(audit.historyOf("request", subject))
			.contextWrite(TenantContext.of(other))
			.as(StepVerifier::create)
			.verifyComplete();
	}

	@Test
	void appendWhenTransactionFailsLaterThenEventIsNotKept() {
		TenantId tenant = TestTenants.create("audit-rollback");
		UUID subject = UUID.randomUUID();
		AuditEvent event = AuditEvent.of(Instant.now(), "officer", "request.received", "request", subject);

		transactions.inTenant(audit.append(event).then(Mono.error(new IllegalStateException("later step failed"))))
			.contextWrite(TenantContext.of(tenant))
			.as(StepVerifier::create)
			.expectError(IllegalStateException.class)
			.verify();

		transactions.inTenantMany(audit.historyOf("request", subject))
			.contextWrite(TenantContext.of(tenant))
			.as(StepVerifier::create)
			.verifyComplete();
	}

	@Test
	void platformRoleWhenRewritingHistoryThenRefused() throws SQLException {
		try (Connection platform = TestDatabase.get().connectAs(DatabaseRoles.PLATFORM)) {
			assertThatThrownBy(() -> platform.createStatement().executeUpdate("update app.audit_event set actor = 'x'"))
				.hasMessageContaining("permission denied");
			assertThatThrownBy(() -> platform.createStatement().executeUpdate("delete from app.audit_event"))
				.hasMessageContaining("permission denied");
			assertThat(platform.isValid(1)).isTrue();
		}
	}

}
