package sa.rawabit.platform.requests;

import java.util.List;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.security.StaffMember;

/** What the dashboard shows of requests: the ones awaiting one of the caller's roles, oldest first. */
@Service
public class RequestBoard {

	private final RequestQueues queues;

	RequestBoard(RequestQueues queues) {
		this.queues = queues;
	}

	/** The first {@code limit} requests awaiting the caller (a referral for a researcher, a decision for the committee). */
	public Mono<Awaiting> awaiting(StaffMember me, int limit) {
		return queues.page(me, null, true, null, null, null, null, 0, limit)
			.map(page -> new Awaiting(page.items(), page.total()));
	}

	/** A queue's first page and how many it holds in all. */
	public record Awaiting(List<BeneficiaryRequest> items, long total) {

		public Awaiting {
			items = List.copyOf(items);
		}
	}
}
