package sa.rawabit.platform.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.RowInsert;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.tenancy.TenantId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to and reads the audit trail inside the caller's tenant transaction, so an
 * event is written if and only if the change it describes is. The database refuses UPDATE
 * and DELETE to the platform's role: history cannot be rewritten from here.
 */
@Service
public class AuditTrail {

	private static final List<String> COLUMNS = List.of("tenant_id", "occurred_at", "actor", "action", "subject_type",
			"subject_id", "from_state", "to_state", "policy_version", "detail");

	private static final TypeReference<Map<String, String>> DETAIL = new TypeReference<>() {
	};

	private final DatabaseClient database;

	private final JsonMapper json;

	AuditTrail(DatabaseClient database, JsonMapper json) {
		this.database = database;
		this.json = json;
	}

	public Mono<Void> append(AuditEvent event) {
		return TenantContext.require()
			.flatMap(tenant -> RowInsert.statement(database, List.of(rowOf(tenant, event)), "").then());
	}

	/**
	 * {@code event} as a row for the caller to send with its own next insert (one round
	 * trip for both, see {@link RowInsert}).
	 */
	public RowInsert rowOf(TenantId tenant, AuditEvent event) {
		return new RowInsert("app.audit_event", COLUMNS,
				List.of(tenant.value(), event.occurredAt(), event.actor(), event.action(), event.subjectType(),
						event.subjectId(), Parameter.fromOrEmpty(event.fromState(), String.class),
						Parameter.fromOrEmpty(event.toState(), String.class),
						Parameter.fromOrEmpty(event.policyVersion(), String.class),
						Json.of(json.writeValueAsString(event.detail()))));
	}

	public Flux<AuditEvent> historyOf(String subjectType, UUID subjectId) {
		return database.sql("""
				select occurred_at, actor, action, subject_type, subject_id, from_state, to_state, policy_version,
				       detail::text as detail
				from app.audit_event where subject_type = $1 and subject_id = $2 order by id""")
			.bind(0, subjectType)
			.bind(1, subjectId)
			.map(this::event)
			.all();
	}

	/**
	 * The subjects of one type that {@code action} was ever done to, whatever happened to
	 * them since (e.g. complaints escalated at some time, resolved or not), inside the
	 * caller's tenant transaction.
	 */
	public Flux<UUID> subjectsWith(String subjectType, String action) {
		return database.sql("select distinct subject_id from app.audit_event where subject_type = $1 and action = $2")
			.bind(0, subjectType)
			.bind(1, action)
			.map(row -> row.get("subject_id", UUID.class))
			.all();
	}

	private AuditEvent event(Readable row) {
		return new AuditEvent(row.get("occurred_at", Instant.class), row.get("actor", String.class),
				row.get("action", String.class), row.get("subject_type", String.class),
				row.get("subject_id", UUID.class), row.get("from_state", String.class),
				row.get("to_state", String.class), row.get("policy_version", String.class),
				json.readValue(row.get("detail", String.class), DETAIL));
	}

}
