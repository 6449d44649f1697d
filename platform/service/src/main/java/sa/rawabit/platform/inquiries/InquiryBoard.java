package sa.rawabit.platform.inquiries;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.security.StaffMember;

/**
 * What the dashboards show of inquiries: a contact officer's open inquiries (held by their role or their
 * name), oldest first; nothing for members who are not contact officers.
 */
@Service
public class InquiryBoard {

	private final InquiryDesk desk;

	InquiryBoard(InquiryDesk desk) {
		this.desk = desk;
	}

	/** The caller's open inquiries, at most {@code limit}; not shown to members who are not contact officers. */
	public Mono<Mine> mine(StaffMember me, int limit) {
		if (me.tenant() == null || !me.hasRole(InquiryDesk.CONTACT_OFFICER)) {
			return Mono.just(new Mine(false, List.of(), 0));
		}
		return desk.list(me, true, InquiryState.OPEN)
			.map(InquiryBoard::summary)
			.collectList()
			.map(open -> new Mine(true, open.stream().limit(limit).toList(), open.size()));
	}

	static Summary summary(Inquiry inquiry) {
		return new Summary(inquiry.id().value(), inquiry.question(), inquiry.state().column(), inquiry.channel(),
				inquiry.answerDueBy(), inquiry.receivedAt());
	}

	/** @param shown whether the caller answers inquiries at all */
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
