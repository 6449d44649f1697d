package sa.rawabit.platform.requests;

import java.time.Instant;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.platform.beneficiaries.BeneficiaryId;

/**
 * Whose request it is and the channel it came through, for modules that follow up after it closed.
 * Needs the tenant in the Reactor Context.
 */
@Service
public class RequestBeneficiaries {

	private final DatabaseClient database;

	private final Transactions transactions;

	RequestBeneficiaries(DatabaseClient database, Transactions transactions) {
		this.database = database;
		this.transactions = transactions;
	}

	public Mono<Filed> of(RequestId request) {
		return transactions.inTenant(database.sql("select beneficiary_id, channel from app.request where id = $1")
			.bind(0, request.value())
			.map(row -> new Filed(new BeneficiaryId(row.get("beneficiary_id", UUID.class)), row.get("channel", String.class)))
			.one());
	}

	/**
	 * Each beneficiary with a request closed at or after {@code since}, once, with the channel of their
	 * latest such request (a questionnaire campaign's audience).
	 */
	public Flux<Filed> closedSince(Instant since) {
		return transactions.inTenantMany(database.sql("""
				select distinct on (beneficiary_id) beneficiary_id, channel from app.request
				where status = 'closed' and closed_at >= $1
				order by beneficiary_id, closed_at desc""")
			.bind(0, since)
			.map(row -> new Filed(new BeneficiaryId(row.get("beneficiary_id", UUID.class)), row.get("channel", String.class)))
			.all());
	}

	/** Who filed a request, and through which channel. */
	public record Filed(BeneficiaryId beneficiary, String channel) {
	}
}
