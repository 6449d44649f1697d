package sa.rawabit.platform.requests;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.platform.messaging.MessageId;
import sa.rawabit.platform.requests.StepViews.Attachment;
import sa.rawabit.platform.requests.StepViews.Decision;
import sa.rawabit.platform.requests.StepViews.Declaration;
import sa.rawabit.platform.requests.StepViews.Message;
import sa.rawabit.platform.requests.StepViews.Referral;
import sa.rawabit.platform.requests.StepViews.Vote;

/**
 * Rows each step leaves: declaration, referrals, votes, decision, attachments, messages.
 */
@Repository
class RequestRecords {

	private final DatabaseClient database;

	RequestRecords(DatabaseClient database) {
		this.database = database;
	}

	Mono<Void> declare(RequestId request, Declaration d) {
		return insert("""
				insert into app.request_declaration (tenant_id, request_id, stage_id, text, text_version, channel,
				    witnessed_by, signed_at) values ($1, $2, $3, $4, $5, $6, $7, $8)""", request, d.stageId(), d.text(),
				d.textVersion(), d.channel(), d.witnessedBy(), d.signedAt());
	}

	Flux<Declaration> declarations(RequestId request) {
		return database.sql("select * from app.request_declaration where request_id = $1 order by signed_at")
			.bind(0, request.value())
			.map(row -> new Declaration(row.get("stage_id", String.class), row.get("text", String.class),
					row.get("text_version", String.class), row.get("channel", String.class),
					row.get("witnessed_by", String.class), row.get("signed_at", Instant.class)))
			.all();
	}

	Mono<Void> refer(RequestId request, Referral r) {
		return insert("""
				insert into app.request_referral (tenant_id, request_id, id, question, asked_by, asked_at)
				values ($1, $2, $3, $4, $5, $6)""", request, r.id(), r.question(), r.askedBy(), r.askedAt());
	}

	/**
	 * @return rows changed: 0 when no question is open
	 */
	Mono<Long> answer(RequestId request, String answer, String by, Instant at) {
		return database.sql("""
				update app.request_referral set answer = $1, answered_by = $2, answered_at = $3
				where request_id = $4 and answered_at is null""")
			.bind(0, answer)
			.bind(1, by)
			.bind(2, at)
			.bind(3, request.value())
			.fetch()
			.rowsUpdated();
	}

	Flux<Referral> referrals(RequestId request) {
		return database.sql("select * from app.request_referral where request_id = $1 order by asked_at")
			.bind(0, request.value())
			.map(row -> new Referral(row.get("id", UUID.class), row.get("question", String.class),
					row.get("asked_by", String.class), row.get("asked_at", Instant.class),
					row.get("answer", String.class), row.get("answered_by", String.class),
					row.get("answered_at", Instant.class)))
			.all();
	}

	Mono<Void> vote(RequestId request, Vote v) {
		return insert("""
				insert into app.request_vote (tenant_id, request_id, member, vote, reason, voted_at)
				values ($1, $2, $3, $4, $5, $6)""", request, v.member(), v.vote(), v.reason(), v.votedAt());
	}

	Flux<Vote> votes(RequestId request) {
		return database.sql("select * from app.request_vote where request_id = $1 order by voted_at, member")
			.bind(0, request.value())
			.map(row -> new Vote(row.get("member", String.class), row.get("vote", String.class),
					row.get("reason", String.class), row.get("voted_at", Instant.class)))
			.all();
	}

	Mono<Void> decide(RequestId request, Decision d) {
		return insert("""
				insert into app.request_decision (tenant_id, request_id, outcome, reasons, minutes, quorum, members,
				    approvals, rejections, decided_by, decided_at, working_days, voting_rule, chair)
				values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)""", request, d.outcome(),
				d.reasons(), d.minutes(), d.quorum(), d.members().toArray(String[]::new), d.approvals(), d.rejections(),
				d.decidedBy(), d.decidedAt(), d.workingDays(), Parameter.fromOrEmpty(d.votingRule(), String.class),
				Parameter.fromOrEmpty(d.chair(), String.class));
	}

	Mono<Decision> decision(RequestId request) {
		return database.sql("select * from app.request_decision where request_id = $1")
			.bind(0, request.value())
			.map(row -> new Decision(row.get("outcome", String.class), row.get("reasons", String.class),
					row.get("minutes", String.class), row.get("quorum", Integer.class),
					Arrays.asList(row.get("members", String[].class)), row.get("approvals", Integer.class),
					row.get("rejections", Integer.class), row.get("decided_by", String.class),
					row.get("decided_at", Instant.class), row.get("working_days", Integer.class),
					row.get("voting_rule", String.class), row.get("chair", String.class)))
			.one();
	}

	/**
	 * {@code message} names the queued message whose outcome {@link #settled} records
	 * later.
	 */
	Mono<Void> message(RequestId request, Message m, @Nullable MessageId message) {
		GenericExecuteSpec insert = database.sql("""
				insert into app.request_message (tenant_id, request_id, channel, outcome, topic, detail, sent_at,
				    message_id)
				values ($1, $2, $3, $4, $5, $6, $7, $8)""");
		return TenantContext.require().flatMap(tenant -> {
			var bound = insert.bind(0, tenant.value())
				.bind(1, request.value())
				.bind(2, m.channel())
				.bind(3, m.outcome())
				.bind(4, m.topic())
				.bind(5, Parameter.fromOrEmpty(m.detail(), String.class))
				.bind(6, m.sentAt());
			return bound.bind(7, Parameter.fromOrEmpty(message == null ? null : message.value(), UUID.class)).then();
		});
	}

	/**
	 * The queued message's outcome: {@code sent}, or {@code failed} once the sender gave
	 * up.
	 */
	Mono<Void> settled(MessageId message, boolean sent, Instant at) {
		return database
			.sql("""
					update app.request_message set outcome = $1, sent_at = $2 where message_id = $3 and outcome = 'queued'""")
			.bind(0, sent ? "sent" : "failed")
			.bind(1, at)
			.bind(2, message.value())
			.then();
	}

	Flux<Message> messages(RequestId request) {
		return database.sql("select * from app.request_message where request_id = $1 order by id")
			.bind(0, request.value())
			.map(row -> new Message(row.get("channel", String.class), row.get("outcome", String.class),
					row.get("topic", String.class), row.get("detail", String.class), row.get("sent_at", Instant.class)))
			.all();
	}

	Mono<Void> attach(RequestId request, Attachment a, byte[] content) {
		GenericExecuteSpec insert = database.sql("""
				insert into app.request_attachment (tenant_id, request_id, id, file_name, content_type, size_bytes,
				    sha256, checklist_item, content, uploaded_by, uploaded_at)
				values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)""");
		return TenantContext.require().flatMap(tenant -> {
			GenericExecuteSpec spec = insert.bind(0, tenant.value())
				.bind(1, request.value())
				.bind(2, a.id())
				.bind(3, a.fileName())
				.bind(4, a.contentType())
				.bind(5, a.sizeBytes())
				.bind(6, a.sha256())
				.bind(8, java.nio.ByteBuffer.wrap(content))
				.bind(9, a.uploadedBy())
				.bind(10, a.uploadedAt());
			spec = spec.bind(7, Parameter.fromOrEmpty(a.checklistItem(), Integer.class));
			return spec.then();
		});
	}

	Flux<Attachment> attachments(RequestId request) {
		return database.sql("""
				select id, file_name, content_type, size_bytes, sha256, checklist_item, uploaded_by, uploaded_at
				from app.request_attachment where request_id = $1 order by uploaded_at, id""")
			.bind(0, request.value())
			.map(row -> new Attachment(row.get("id", UUID.class), row.get("file_name", String.class),
					row.get("content_type", String.class), row.get("size_bytes", Integer.class),
					row.get("sha256", String.class), row.get("checklist_item", Integer.class),
					row.get("uploaded_by", String.class), row.get("uploaded_at", Instant.class)))
			.all();
	}

	record Content(String fileName, String contentType, byte[] bytes) {
	}

	Mono<Content> content(RequestId request, UUID attachment) {
		return database.sql("""
				select file_name, content_type, content from app.request_attachment
				where request_id = $1 and id = $2""").bind(0, request.value()).bind(1, attachment).map(row -> {
			java.nio.ByteBuffer buffer = row.get("content", java.nio.ByteBuffer.class);
			byte[] bytes = new byte[buffer.remaining()];
			buffer.get(bytes);
			return new Content(row.get("file_name", String.class), row.get("content_type", String.class), bytes);
		}).one();
	}

	/**
	 * Inserts tenant, request and then {@code values} in order ($3…); none of them may be
	 * null.
	 */
	private Mono<Void> insert(String sql, RequestId request, @Nullable Object... values) {
		return TenantContext.require().flatMap(tenant -> {
			GenericExecuteSpec spec = database.sql(sql).bind(0, tenant.value()).bind(1, request.value());
			for (int i = 0; i < values.length; i++) {
				spec = spec.bind(i + 2, values[i]);
			}
			return spec.then();
		});
	}

}
