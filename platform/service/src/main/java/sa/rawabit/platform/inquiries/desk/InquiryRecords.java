package sa.rawabit.platform.inquiries.desk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.policy.PolicyVersionId;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.platform.beneficiaries.BeneficiaryId;
import sa.rawabit.platform.inquiries.InquiryId;
import sa.rawabit.platform.inquiries.InquiryState;

/**
 * SQL for inquiries (their assignment history is {@link InquiryAssignments}). Every
 * method runs inside the caller's tenant transaction and names no tenant in a WHERE
 * clause: row-level security is the only filter.
 */
@Repository
public class InquiryRecords {

	private static final String COLUMNS = """
			select id, channel, state, question, beneficiary_id, contact_name, contact_channel, contact_phone,
			       contact_email, category, field, assigned_role, assigned_staff, received_by, policy_version, answer_due_by, answer,
			       answered_by, answered_at, delivery_channel, delivery_outcome, received_at, updated_at,
			       converted_to, converted_case_id, converted_by, converted_at
			from app.inquiry
			""";

	/**
	 * A contact officer's open inquiries (held by one of their roles or by one of
	 * {@code $2}: themselves and those they cover for), oldest first: its own statement,
	 * so even a generic plan reads only open rows, in order, through inquiry_queue (V30).
	 */
	public static final String OPEN_MINE = COLUMNS + """
			where state = 'open' and (assigned_role = any($1::text[]) or assigned_staff = any($2::text[]))
			order by received_at, id limit $3""";

	public static final String OPEN_MINE_COUNT = """
			select count(*) as n from app.inquiry
			where state = 'open' and (assigned_role = any($1::text[]) or assigned_staff = any($2::text[]))""";

	private final DatabaseClient database;

	InquiryRecords(DatabaseClient database) {
		this.database = database;
	}

	Mono<Void> insert(Inquiry inquiry) {
		return TenantContext.require().flatMap(tenant -> {
			GenericExecuteSpec insert = database.sql("""
					insert into app.inquiry (tenant_id, id, channel, state, question, beneficiary_id, contact_name,
					    contact_channel, contact_phone, contact_email, category, field, assigned_role, assigned_staff,
					    received_by, policy_version, received_at, updated_at, answer_due_by)
					values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)""")
				.bind(0, tenant.value())
				.bind(1, inquiry.id().value())
				.bind(2, inquiry.channel())
				.bind(3, inquiry.state().column())
				.bind(4, inquiry.question())
				.bind(14, inquiry.receivedBy())
				.bind(16, inquiry.receivedAt())
				.bind(17, inquiry.updatedAt());
			var contact = inquiry.contact();
			insert = insert.bind(5, Parameter
				.fromOrEmpty(inquiry.beneficiaryId() == null ? null : inquiry.beneficiaryId().value(), UUID.class));
			insert = insert.bind(6, Parameter.fromOrEmpty(contact == null ? null : contact.name(), String.class));
			insert = insert.bind(7, Parameter.fromOrEmpty(contact == null ? null : contact.channel(), String.class));
			insert = insert.bind(8, Parameter.fromOrEmpty(contact == null ? null : contact.phone(), String.class));
			insert = insert.bind(9, Parameter.fromOrEmpty(contact == null ? null : contact.email(), String.class));
			insert = insert.bind(10, Parameter.fromOrEmpty(inquiry.category(), String.class));
			insert = insert.bind(11, Parameter.fromOrEmpty(inquiry.field(), String.class));
			insert = insert.bind(12, Parameter.fromOrEmpty(inquiry.officer().role(), String.class));
			insert = insert.bind(13, Parameter.fromOrEmpty(inquiry.officer().staff(), String.class));
			insert = insert.bind(15, Parameter
				.fromOrEmpty(inquiry.policyVersion() == null ? null : inquiry.policyVersion().value(), UUID.class));
			insert = insert.bind(18, Parameter.fromOrEmpty(inquiry.answerDueBy(), LocalDate.class));
			return insert.then();
		});
	}

	/**
	 * Locks the row: two officers acting on one inquiry at once go one after the other.
	 */
	Mono<Inquiry> lock(InquiryId id) {
		return database.sql(COLUMNS + "where id = $1 for update").bind(0, id.value()).map(InquiryRecords::read).one();
	}

	Mono<Inquiry> find(InquiryId id) {
		return database.sql(COLUMNS + "where id = $1").bind(0, id.value()).map(InquiryRecords::read).one();
	}

	/**
	 * Oldest first. {@code roles} narrows to inquiries held by one of the roles or by one
	 * of the named users ("mine": the caller, and officers whose absence the caller
	 * covers); {@code null} lists every holder's.
	 */
	Flux<Inquiry> list(@Nullable InquiryState state, String @Nullable [] roles, String @Nullable [] usernames,
			int limit) {
		GenericExecuteSpec query = database.sql(COLUMNS + """
				where ($1::text is null or state = $1)
				  and ($2::text[] is null or assigned_role = any($2) or assigned_staff = any($3::text[]))
				order by received_at, id limit $4""").bind(3, limit);
		query = query.bind(0, Parameter.fromOrEmpty(state == null ? null : state.column(), String.class));
		query = query.bind(1, Parameter.fromOrEmpty(roles, String[].class));
		query = query.bind(2, Parameter.fromOrEmpty(usernames, String[].class));
		return query.map(InquiryRecords::read).all();
	}

	public Flux<Inquiry> openMine(String[] roles, String[] usernames, int limit) {
		return database.sql(OPEN_MINE).bind(0, roles).bind(1, usernames).bind(2, limit).map(InquiryRecords::read).all();
	}

	public Mono<Long> countOpenMine(String[] roles, String[] usernames) {
		return database.sql(OPEN_MINE_COUNT)
			.bind(0, roles)
			.bind(1, usernames)
			.map(row -> row.get("n", Long.class))
			.one();
	}

	Mono<Void> update(Inquiry inquiry) {
		var answer = inquiry.answer();
		GenericExecuteSpec update = database.sql("""
				update app.inquiry set state = $1, assigned_role = $2, assigned_staff = $3, answer = $4,
				    answered_by = $5, answered_at = $6, updated_at = $7 where id = $8""")
			.bind(0, inquiry.state().column())
			.bind(6, inquiry.updatedAt())
			.bind(7, inquiry.id().value());
		update = update.bind(1, Parameter.fromOrEmpty(inquiry.officer().role(), String.class));
		update = update.bind(2, Parameter.fromOrEmpty(inquiry.officer().staff(), String.class));
		update = update.bind(3, Parameter.fromOrEmpty(answer == null ? null : answer.text(), String.class));
		update = update.bind(4, Parameter.fromOrEmpty(answer == null ? null : answer.by(), String.class));
		update = update.bind(5, Parameter.fromOrEmpty(answer == null ? null : answer.at(), Instant.class));
		return update.then();
	}

	/** The inquiry became a request or a complaint: closed, pointing at the case. */
	public Mono<Void> converted(Inquiry inquiry) {
		Conversion conversion = java.util.Objects.requireNonNull(inquiry.conversion(), "conversion");
		return database.sql("""
				update app.inquiry set state = $1, converted_to = $2, converted_case_id = $3, converted_by = $4,
				    converted_at = $5, updated_at = $6 where id = $7""")
			.bind(0, inquiry.state().column())
			.bind(1, conversion.to().column())
			.bind(2, conversion.caseId())
			.bind(3, conversion.by())
			.bind(4, conversion.at())
			.bind(5, inquiry.updatedAt())
			.bind(6, inquiry.id().value())
			.then();
	}

	/**
	 * A queued answer's outcome: {@code sent}, or {@code failed} once the sender gave up.
	 */
	Mono<Void> deliverySettled(InquiryId id, boolean sent) {
		return database
			.sql("update app.inquiry set delivery_outcome = $1 where id = $2 and delivery_outcome = 'queued'")
			.bind(0, sent ? "sent" : "failed")
			.bind(1, id.value())
			.then();
	}

	/** What became of sending the answer, kept with it. */
	Mono<Void> delivered(InquiryId id, String channel, String outcome) {
		return database.sql("update app.inquiry set delivery_channel = $1, delivery_outcome = $2 where id = $3")
			.bind(0, channel)
			.bind(1, outcome)
			.bind(2, id.value())
			.then();
	}

	/**
	 * The holder in a row of {@code app.inquiry} or {@code app.inquiry_assignment}: both
	 * name it in the same two columns.
	 */
	static Officer officer(Readable row) {
		String role = row.get("assigned_role", String.class);
		return role != null ? Officer.role(role) : Officer.named(row.get("assigned_staff", String.class));
	}

	private static Inquiry read(Readable row) {
		String contactName = row.get("contact_name", String.class);
		Inquiry.Contact contact = contactName == null ? null
				: new Inquiry.Contact(contactName, row.get("contact_channel", String.class),
						row.get("contact_phone", String.class), row.get("contact_email", String.class));
		String answer = row.get("answer", String.class);
		Inquiry.Answer answered = answer == null ? null
				: new Inquiry.Answer(answer, row.get("answered_by", String.class),
						row.get("answered_at", Instant.class), row.get("delivery_channel", String.class),
						row.get("delivery_outcome", String.class));
		return new Inquiry(new InquiryId(row.get("id", UUID.class)), row.get("channel", String.class),
				InquiryState.of(row.get("state", String.class)), row.get("question", String.class),
				beneficiary(row.get("beneficiary_id", UUID.class)), contact, row.get("category", String.class),
				row.get("field", String.class), officer(row), row.get("received_by", String.class),
				version(row.get("policy_version", UUID.class)), row.get("answer_due_by", LocalDate.class), answered,
				row.get("received_at", Instant.class), row.get("updated_at", Instant.class), conversion(row));
	}

	private static @Nullable BeneficiaryId beneficiary(@Nullable UUID stored) {
		return stored == null ? null : new BeneficiaryId(stored);
	}

	private static @Nullable PolicyVersionId version(@Nullable UUID stored) {
		return stored == null ? null : new PolicyVersionId(stored);
	}

	private static @Nullable Conversion conversion(Readable row) {
		String to = row.get("converted_to", String.class);
		return to == null ? null : new Conversion(Conversion.Target.of(to), row.get("converted_case_id", UUID.class),
				row.get("converted_by", String.class), row.get("converted_at", Instant.class));
	}

}
