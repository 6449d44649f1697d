package sa.rawabit.platform.complaints;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.security.StaffMember;

/**
 * What the dashboards show of complaints: those still open, newest first, to the policy's
 * handling committee, the role complaints escalate to and top management; nothing to
 * other roles (they do not handle complaints).
 */
@Service
public class ComplaintBoard {

	/**
	 * The statements behind {@link #open}, by name: the plan tests and the dashboard
	 * benchmark run exactly these.
	 */
	public static final java.util.Map<String, String> STATEMENTS = java.util.Map.of("complaints.open",
			ComplaintRecords.OPEN, "complaints.open-count", ComplaintRecords.OPEN_COUNT);

	private final ComplaintDesk desk;

	private final ComplaintRecords records;

	private final Transactions transactions;

	ComplaintBoard(ComplaintDesk desk, ComplaintRecords records, Transactions transactions) {
		this.desk = desk;
		this.records = records;
		this.transactions = transactions;
	}

	/** Whether the caller handles complaints under the policy in force. */
	public Mono<Boolean> handles(StaffMember me) {
		return desk.policy(me)
			.map(loaded -> ComplaintWatchers.of(loaded).stream().anyMatch(me::hasRole))
			.onErrorReturn(sa.rawabit.foundation.problem.ProblemException.class, false);
	}

	/**
	 * Open complaints (not settled or resolved), newest first; empty for those who do not
	 * handle them.
	 */
	public Mono<Open> open(StaffMember me, int limit) {
		return handles(me).flatMap(handles -> !handles ? Mono.just(new Open(List.of(), 0, 0))
				: transactions.inTenant(records.open(limit)
					.map(ComplaintBoard::summary)
					.collectList()
					.zipWith(records.countOpen())
					.map(found -> new Open(found.getT1(), found.getT2().getT1(), found.getT2().getT2()))));
	}

	static Summary summary(Complaint complaint) {
		return new Summary(complaint.id().value(), complaint.subject(), complaint.state().column(), complaint.channel(),
				complaint.receivedAt());
	}

	/**
	 * @param received how many of the open ones nobody has acknowledged yet
	 */
	public record Open(List<Summary> items, long total, long received) {

		public Open {
			items = List.copyOf(items);
		}
	}

	/** A complaint on a list: no complainant's name or contact. */
	public record Summary(UUID id, String subject, String state, String channel, Instant receivedAt) {
	}

}
