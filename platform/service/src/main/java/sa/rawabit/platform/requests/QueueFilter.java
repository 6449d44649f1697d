package sa.rawabit.platform.requests;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;

/**
 * One page of a queue. Every condition is optional; {@code pendingRoles} is "awaiting my
 * role" (e.g. awaiting my committee), {@code dueBy} keeps requests with a clock still
 * running that falls due on or before that day (the caller turns "due within N working
 * days" into a date with the policy's calendar).
 */
record QueueFilter(@Nullable String status, @Nullable List<String> pendingRoles, @Nullable String service,
		@Nullable String channel, @Nullable LocalDate dueBy, @Nullable UUID beneficiary, int page, int size) {

	String where() {
		return """
				where ($1::text is null or r.status = $1)
				  and ($2::text[] is null or r.pending_role = any($2))
				  and ($3::text is null or r.service_id = $3)
				  and ($4::text is null or r.channel = $4)
				  and ($5::date is null or r.status <> 'closed' and exists (select 1 from app.request_deadline d
				       where d.tenant_id = r.tenant_id and d.request_id = r.id and d.met_on is null
				         and d.due_by <= $5))
				  and ($6::uuid is null or r.beneficiary_id = $6)""";
	}

	GenericExecuteSpec bind(GenericExecuteSpec spec) {
		spec = spec.bind(0, Parameter.fromOrEmpty(status, String.class));
		spec = pendingRoles == null ? spec.bindNull(1, String[].class)
				: spec.bind(1, pendingRoles.toArray(String[]::new));
		spec = spec.bind(2, Parameter.fromOrEmpty(service, String.class))
			.bind(3, Parameter.fromOrEmpty(channel, String.class));
		spec = spec.bind(4, Parameter.fromOrEmpty(dueBy, LocalDate.class));
		return spec.bind(5, Parameter.fromOrEmpty(beneficiary, UUID.class));
	}
}
