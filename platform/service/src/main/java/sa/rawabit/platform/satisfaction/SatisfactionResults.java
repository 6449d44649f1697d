package sa.rawabit.platform.satisfaction;

import java.time.YearMonth;
import java.time.ZoneId;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import sa.rawabit.foundation.database.Transactions;

/**
 * The post-case survey's results, the module's public API for dashboards and oversight: average
 * rating and response rate of the association in the Reactor Context, per month (Riyadh time).
 */
@Service
public class SatisfactionResults {

	private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

	private final Transactions transactions;

	private final Invitations invitations;

	SatisfactionResults(Transactions transactions, Invitations invitations) {
		this.transactions = transactions;
		this.invitations = invitations;
	}

	/** Months from {@code from} to {@code to}, both included; months with no invitation are left out. */
	public Flux<MonthlyResult> monthly(YearMonth from, YearMonth to) {
		return transactions.inTenantMany(invitations.monthly(from.atDay(1).atStartOfDay(RIYADH).toInstant(),
				to.plusMonths(1).atDay(1).atStartOfDay(RIYADH).toInstant()));
	}
}
