package sa.rawabit.stackalone;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.RowInsert;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.publicaccess.TrackingCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/complaints} as the stack alone answers it: the body read, a tracking
 * code drawn and hashed, the complaint, its audit event and its outbox event written as
 * the platform writes them (the same tables, columns, value types and statement), and the
 * complaint answered 201. No checks: the benchmark sends one valid complaint.
 */
@RestController
final class StackAloneComplaints {

	private static final List<String> COMPLAINT = List.of("tenant_id", "id", "tracking_hash", "channel", "state",
			"complainant_name", "contact", "subject", "description", "received_by", "policy_version", "received_at",
			"updated_at");

	private static final List<String> AUDIT = List.of("tenant_id", "occurred_at", "actor", "action", "subject_type",
			"subject_id", "from_state", "to_state", "policy_version", "detail");

	private static final List<String> OUTBOX = List.of("tenant_id", "occurred_at", "topic", "subject_type",
			"subject_id", "audience", "payload", "events", "event_types");

	private static final String RECEIVED = "received";

	private static final String FILED = "complaint.filed";

	private static final String SUBJECT = "complaint";

	private static final String[] AUDIENCE = { "follow-up-committee", "top-management" };

	private final Transactions transactions;

	private final JsonMapper json;

	private final TenantId tenant;

	private final UUID policyVersion;

	private final String username;

	StackAloneComplaints(Transactions transactions, JsonMapper json, TenantId tenant, UUID policyVersion,
			String username) {
		this.transactions = transactions;
		this.json = json;
		this.tenant = tenant;
		this.policyVersion = policyVersion;
		this.username = username;
	}

	record Filed(String channel, String name, String contact, String subject, String description) {
	}

	@PostMapping("/api/complaints")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Map<String, Object>> file(@RequestBody Filed filed) {
		UUID id = UUID.randomUUID();
		TrackingCode code = TrackingCode.random();
		Instant now = Instant.now();
		List<RowInsert> rows = List.of(
				new RowInsert("app.complaint", COMPLAINT, List.of(tenant.value(), id, code.hash(), filed.channel(),
						RECEIVED, filed.name(), Parameter.fromOrEmpty(filed.contact(), String.class), filed.subject(),
						filed.description(), username, Parameter.fromOrEmpty(policyVersion, UUID.class), now, now)),
				new RowInsert("app.audit_event", AUDIT,
						List.of(tenant.value(), now, username, FILED, SUBJECT, id, Parameter.empty(String.class),
								Parameter.from(RECEIVED), Parameter.from(policyVersion.toString()),
								Json.of(json.writeValueAsString(Map.of("channel", filed.channel()))))),
				new RowInsert("app.outbox", OUTBOX,
						List.of(tenant.value(), now, FILED, SUBJECT, id, AUDIENCE,
								Json.of(json.writeValueAsString(Map.of("state", RECEIVED, "channel", filed.channel()))),
								Json.of("[]"), new String[0])));
		return transactions.writeAtOnce(List.of(RowInsert.write(rows, " returning id")))
			.contextWrite(TenantContext.of(tenant))
			.then(Mono.fromSupplier(() -> answer(id, code, filed, now)));
	}

	private Map<String, Object> answer(UUID id, TrackingCode code, Filed filed, Instant now) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", id);
		view.put("trackingCode", code.value());
		view.put("channel", filed.channel());
		view.put("state", RECEIVED);
		view.put("name", filed.name());
		view.put("subject", filed.subject());
		view.put("description", filed.description());
		view.put("receivedBy", username);
		view.put("receivedAt", now.toString());
		view.put("updatedAt", now.toString());
		return view;
	}

}
