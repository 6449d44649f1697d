package sa.rawabit.platform.satisfaction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.tenancy.TenantContext;

/**
 * SQL for questionnaire campaigns; every method runs inside the caller's tenant
 * transaction (RLS does the rest).
 */
@Repository
class Campaigns {

	private final DatabaseClient database;

	Campaigns(DatabaseClient database) {
		this.database = database;
	}

	Mono<Campaign> insert(Campaign campaign) {
		return TenantContext.require().flatMap(tenant -> {
			var insert = database
				.sql("""
						insert into app.survey_campaign (tenant_id, id, instrument_id, title, question, closed_within_months,
						    all_registered, closes_on, expires_at, created_by, created_at, launched_at, invited_count,
						    unreachable_count)
						values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)""")
				.bind(0, tenant.value())
				.bind(1, campaign.id())
				.bind(2, campaign.instrumentId())
				.bind(3, campaign.title())
				.bind(4, campaign.question())
				.bind(6, campaign.allRegistered())
				.bind(7, campaign.closesOn())
				.bind(8, campaign.expiresAt())
				.bind(9, campaign.createdBy())
				.bind(10, campaign.createdAt())
				.bind(11, campaign.launchedAt())
				.bind(12, campaign.invited())
				.bind(13, campaign.unreachable());
			insert = campaign.closedWithinMonths() == null ? insert.bindNull(5, Short.class)
					: insert.bind(5, campaign.closedWithinMonths().shortValue());
			return insert.then().thenReturn(campaign);
		});
	}

	/** The newest campaigns first, each with its answers so far. */
	Flux<CampaignResult> results(int limit) {
		return database
			.sql("""
					select c.id, c.instrument_id, c.title, c.question, c.closed_within_months, c.all_registered, c.closes_on,
					       c.expires_at, c.created_by, c.created_at, c.launched_at, c.invited_count, c.unreachable_count,
					       count(i.id) filter (where i.delivery in ('sent', 'in-person') or i.answered_at is not null) as reached,
					       count(i.answered_at) as responses,
					       count(*) filter (where i.rating = 1) as r1, count(*) filter (where i.rating = 2) as r2,
					       count(*) filter (where i.rating = 3) as r3, count(*) filter (where i.rating = 4) as r4,
					       count(*) filter (where i.rating = 5) as r5
					from app.survey_campaign c
					left join app.survey_invitation i on i.tenant_id = c.tenant_id and i.campaign_id = c.id
					group by c.tenant_id, c.id
					order by c.launched_at desc
					limit $1""")
			.bind(0, limit)
			.map(Campaigns::read)
			.all();
	}

	/**
	 * The latest launch of each instrument: it counts as the instrument's last session
	 * for its cadence.
	 */
	Flux<Map.Entry<String, Instant>> latestPerInstrument() {
		return database.sql("""
				select distinct on (instrument_id) instrument_id, launched_at from app.survey_campaign
				order by instrument_id, launched_at desc""")
			.map(row -> Map.entry(row.get("instrument_id", String.class), row.get("launched_at", Instant.class)))
			.all();
	}

	private static CampaignResult read(Readable row) {
		Short months = row.get("closed_within_months", Short.class);
		Campaign campaign = new Campaign(row.get("id", UUID.class), row.get("instrument_id", String.class),
				row.get("title", String.class), row.get("question", String.class),
				months == null ? null : months.intValue(),
				Boolean.TRUE.equals(row.get("all_registered", Boolean.class)), row.get("closes_on", LocalDate.class),
				row.get("expires_at", Instant.class), row.get("created_by", String.class),
				row.get("created_at", Instant.class), row.get("launched_at", Instant.class),
				row.get("invited_count", Integer.class), row.get("unreachable_count", Integer.class));
		return new CampaignResult(campaign, row.get("reached", Long.class), row.get("responses", Long.class),
				List.of(row.get("r1", Long.class), row.get("r2", Long.class), row.get("r3", Long.class),
						row.get("r4", Long.class), row.get("r5", Long.class)));
	}

}
