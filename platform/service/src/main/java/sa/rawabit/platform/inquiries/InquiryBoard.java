package sa.rawabit.platform.inquiries;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.platform.inquiries.delegation.OfficerDelegations;
import sa.rawabit.platform.inquiries.desk.Inquiry;
import sa.rawabit.platform.inquiries.desk.InquiryDesk;
import sa.rawabit.platform.inquiries.desk.InquiryRecords;

/**
 * What the dashboards show of inquiries: a contact officer's open inquiries (held by
 * their role, their name or the name of an officer they cover for), oldest first; nothing
 * for members who are not contact officers. Personal: it depends on who asks, not only on
 * their roles.
 */
@Service
public class InquiryBoard {

	/**
	 * The statements behind {@link #mine}, by name: the plan tests and the dashboard
	 * benchmark run exactly these.
	 */
	public static final Map<String, String> STATEMENTS = Map.of("inquiries.mine", InquiryRecords.OPEN_MINE,
			"inquiries.mine-count", InquiryRecords.OPEN_MINE_COUNT);

	private final InquiryRecords records;

	private final OfficerDelegations delegations;

	private final Transactions transactions;

	InquiryBoard(InquiryRecords records, OfficerDelegations delegations, Transactions transactions) {
		this.records = records;
		this.delegations = delegations;
		this.transactions = transactions;
	}

	/** Whether {@link #mine} shows anything to {@code me} (and so costs a query). */
	public static boolean shownTo(StaffMember me) {
		return me.tenant() != null && me.hasRole(InquiryDesk.CONTACT_OFFICER);
	}

	/**
	 * The caller's open inquiries, at most {@code limit}, and how many in all; not shown
	 * to other members.
	 */
	public Mono<Mine> mine(StaffMember me, int limit) {
		if (!shownTo(me)) {
			return Mono.just(new Mine(false, List.of(), 0));
		}
		String[] roles = me.roles().stream().sorted().toArray(String[]::new);
		return transactions.inTenant(delegations.coveredBy(me.username(), delegations.today()).flatMap(covered -> {
			TreeSet<String> names = new TreeSet<>(covered);
			names.add(me.username());
			String[] usernames = names.toArray(String[]::new);
			return records.openMine(roles, usernames, limit)
				.map(InquiryBoard::summary)
				.collectList()
				.zipWith(records.countOpenMine(roles, usernames))
				.map(found -> new Mine(true, found.getT1(), found.getT2()));
		}));
	}

	static Summary summary(Inquiry inquiry) {
		return new Summary(inquiry.id().value(), inquiry.question(), inquiry.state().column(), inquiry.channel(),
				inquiry.answerDueBy(), inquiry.receivedAt());
	}

	/**
	 * @param shown whether the caller answers inquiries at all
	 */
	public record Mine(boolean shown, List<Summary> items, long total) {

		public Mine {
			items = List.copyOf(items);
		}
	}

	/** An inquiry on a list: its question, not who asked. */
	public record Summary(UUID id, String question, String state, String channel, @Nullable LocalDate answerDueBy,
			Instant receivedAt) {
	}

}
