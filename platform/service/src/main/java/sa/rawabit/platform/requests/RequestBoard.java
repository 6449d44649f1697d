package sa.rawabit.platform.requests;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.security.StaffMember;

/**
 * What the dashboard shows of requests: the ones awaiting one of the caller's roles,
 * oldest first.
 */
@Service
public class RequestBoard {

	/**
	 * The statements behind {@link #awaiting}, by name: the plan tests and the dashboard
	 * benchmark run exactly these.
	 */
	public static final Map<String, String> STATEMENTS = Map.of("requests.awaiting", Requests.AWAITING,
			"requests.awaiting-count", Requests.AWAITING_COUNT);

	private final Requests requests;

	private final Transactions transactions;

	RequestBoard(Requests requests, Transactions transactions) {
		this.requests = requests;
		this.transactions = transactions;
	}

	/**
	 * The first {@code limit} requests awaiting the caller (a referral for a researcher,
	 * a decision for the committee).
	 */
	public Mono<Awaiting> awaiting(StaffMember me, int limit) {
		me.requireTenant();
		String[] roles = me.roles().stream().sorted().toArray(String[]::new);
		return transactions.inTenant(requests.awaiting(roles, limit)
			.collectList()
			.zipWith(requests.countAwaiting(roles))
			.map(found -> new Awaiting(found.getT1(), found.getT2())));
	}

	/** A queue's first page and how many it holds in all. */
	public record Awaiting(List<BeneficiaryRequest> items, long total) {

		public Awaiting {
			items = List.copyOf(items);
		}
	}

}
