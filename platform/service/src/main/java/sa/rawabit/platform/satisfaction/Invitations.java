package sa.rawabit.platform.satisfaction;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.time.TimeProperties;

/**
 * SQL for survey invitations; every method runs inside the caller's tenant transaction
 * (RLS does the rest).
 */
@Repository
class Invitations {

	private static final String COLUMNS = """
			select i.id, i.case_kind, i.case_id, i.channel, i.sent_at, i.expires_at, i.answered_at, i.rating,
			       c.title, c.question
			from app.survey_invitation i
			left join app.survey_campaign c on c.tenant_id = i.tenant_id and c.id = i.campaign_id """;

	private final DatabaseClient database;

	private final TimeProperties time;

	Invitations(DatabaseClient database, TimeProperties time) {
		this.time = time;
		this.database = database;
	}

	/**
	 * @return true when this call created it; false when the case already has one
	 * (another replica, a replay)
	 */
	Mono<Boolean> create(UUID id, CaseKind kind, UUID caseId, SurveyToken token, String channel, Instant sentAt,
			Instant expiresAt) {
		return TenantContext.require()
			.flatMap(tenant -> database.sql("""
					insert into app.survey_invitation (tenant_id, id, case_kind, case_id, token_hash, channel, sent_at,
					    expires_at)
					values ($1, $2, $3, $4, $5, $6, $7, $8)
					on conflict (tenant_id, case_kind, case_id) do nothing""")
				.bind(0, tenant.value())
				.bind(1, id)
				.bind(2, kind.column())
				.bind(3, caseId)
				.bind(4, token.hash())
				.bind(5, channel)
				.bind(6, sentAt)
				.bind(7, expiresAt)
				.fetch()
				.rowsUpdated())
			.map(rows -> rows == 1);
	}

	/** A campaign's invitation of one beneficiary, in the campaign's transaction. */
	Mono<Void> createForCampaign(UUID id, UUID campaign, UUID beneficiary, SurveyToken token, String channel,
			Instant sentAt, Instant expiresAt) {
		return TenantContext.require()
			.flatMap(tenant -> database.sql("""
					insert into app.survey_invitation (tenant_id, id, campaign_id, beneficiary_id, token_hash, channel,
					    sent_at, expires_at)
					values ($1, $2, $3, $4, $5, $6, $7, $8)""")
				.bind(0, tenant.value())
				.bind(1, id)
				.bind(2, campaign)
				.bind(3, beneficiary)
				.bind(4, token.hash())
				.bind(5, channel)
				.bind(6, sentAt)
				.bind(7, expiresAt)
				.then());
	}

	/**
	 * A queued invitation's outcome: {@code sent}, or {@code failed} once the sender gave
	 * up.
	 */
	Mono<Void> deliverySettled(UUID id, boolean sent) {
		return database.sql("update app.survey_invitation set delivery = $1 where id = $2 and delivery = 'queued'")
			.bind(0, sent ? "sent" : "failed")
			.bind(1, id)
			.then();
	}

	Mono<Void> delivered(UUID id, String channel, String outcome) {
		return database.sql("update app.survey_invitation set channel = $1, delivery = $2 where id = $3")
			.bind(0, channel)
			.bind(1, outcome)
			.bind(2, id)
			.then();
	}

	Mono<Invitation> findByToken(SurveyToken token) {
		return database.sql(COLUMNS + " where i.token_hash = $1").bind(0, token.hash()).map(Invitations::read).one();
	}

	/**
	 * Answers an open link: one statement that checks and sets, so two answers racing
	 * each other store one. @return true when this answer was stored
	 */
	Mono<Boolean> answer(SurveyToken token, int rating, @Nullable String comment, Instant at) {
		var update = database.sql("""
				update app.survey_invitation set answered_at = $1, rating = $2, comment = $3
				where token_hash = $4 and answered_at is null and expires_at > $1""")
			.bind(0, at)
			.bind(1, (short) rating)
			.bind(3, token.hash());
		update = update.bind(2, Parameter.fromOrEmpty(comment, String.class));
		return update.fetch().rowsUpdated().map(rows -> rows == 1);
	}

	/**
	 * Per month of sending (where the associations work): links that reached the
	 * beneficiary, answers, average rating — of the post-case survey only; campaigns have
	 * their own results.
	 */
	Flux<MonthlyResult> monthly(Instant from, Instant to) {
		return database.sql("""
				select to_char(sent_at at time zone $3, 'YYYY-MM') as month,
				       count(*) filter (where delivery = 'sent') as reached,
				       count(answered_at) as answered,
				       avg(rating)::float8 as average
				from app.survey_invitation
				where campaign_id is null and sent_at >= $1 and sent_at < $2
				group by 1 order by 1""")
			.bind(0, from)
			.bind(1, to)
			.bind(2, time.zone().getId())
			.map(row -> new MonthlyResult(YearMonth.parse(row.get("month", String.class)),
					row.get("reached", Long.class), row.get("answered", Long.class), row.get("average", Double.class)))
			.all();
	}

	private static Invitation read(Readable row) {
		Short rating = row.get("rating", Short.class);
		String kind = row.get("case_kind", String.class);
		String title = row.get("title", String.class);
		return new Invitation(row.get("id", UUID.class),
				kind == null ? null : CaseKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)),
				row.get("case_id", UUID.class), row.get("channel", String.class), row.get("sent_at", Instant.class),
				row.get("expires_at", Instant.class), row.get("answered_at", Instant.class),
				rating == null ? null : rating.intValue(),
				title == null ? null : new Invitation.Asked(title, row.get("question", String.class)));
	}

}
