package sa.rawabit.platform.requests;

import java.time.Instant;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.platform.beneficiaries.BeneficiaryId;

/**
 * Whose request it is and the channel it came through, for modules that follow up after
 * it closed, and who has requests open, for modules that tell them of a change. Needs the
 * tenant in the Reactor Context.
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
			.map(RequestBeneficiaries::filed)
			.one());
	}

	/**
	 * Everyone with a request still open (for {@code service} only, or any service when
	 * null), once each, with the channel of their newest open request: whom an update of
	 * what they rely on concerns.
	 */
	public Flux<Filed> withOpenRequests(@Nullable String service) {
		String open = "select distinct on (beneficiary_id) beneficiary_id, channel from app.request where status <> '"
				+ RequestStatus.CLOSED.column() + "'";
		String newestFirst = " order by beneficiary_id, received_at desc";
		var query = service == null ? database.sql(open + newestFirst)
				: database.sql(open + " and service_id = $1" + newestFirst).bind(0, service);
		return transactions.inTenantMany(query.map(RequestBeneficiaries::filed).all());
	}

	private static Filed filed(Readable row) {
		return new Filed(new BeneficiaryId(row.get("beneficiary_id", UUID.class)), row.get("channel", String.class));
	}

	/**
	 * Each beneficiary with a request closed at or after {@code since}, once, with the
	 * channel of their latest such request (a questionnaire campaign's audience).
	 */
	public Flux<Filed> closedSince(Instant since) {
		return transactions.inTenantMany(database.sql("""
				select distinct on (beneficiary_id) beneficiary_id, channel from app.request
				where status = 'closed' and closed_at >= $1
				order by beneficiary_id, closed_at desc""").bind(0, since).map(RequestBeneficiaries::filed).all());
	}

	/** Who filed a request, and through which channel. */
	public record Filed(BeneficiaryId beneficiary, String channel) {
	}

}
