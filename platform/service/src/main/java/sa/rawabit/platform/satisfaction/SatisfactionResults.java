package sa.rawabit.platform.satisfaction;

import java.time.YearMonth;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.time.TimeProperties;

/**
 * The post-case survey's results, the module's public API for dashboards and oversight:
 * average rating and response rate of the association in the Reactor Context, per month
 * (Riyadh time).
 */
@Service
public class SatisfactionResults {

	private final Transactions transactions;

	private final Invitations invitations;

	private final TimeProperties time;

	SatisfactionResults(Transactions transactions, Invitations invitations, TimeProperties time) {
		this.time = time;
		this.transactions = transactions;
		this.invitations = invitations;
	}

	/**
	 * Months from {@code from} to {@code to}, both included; months with no invitation
	 * are left out.
	 */
	public Flux<MonthlyResult> monthly(YearMonth from, YearMonth to) {
		return transactions
			.inTenantMany(invitations.monthly(time.startOf(from.atDay(1)), time.startOf(to.plusMonths(1).atDay(1))));
	}

}
