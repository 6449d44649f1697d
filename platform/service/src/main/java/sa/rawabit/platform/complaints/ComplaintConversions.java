package sa.rawabit.platform.complaints;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.platform.audit.AuditEvent;

/**
 * Files a complaint for what first came in as something else (an inquiry that turned out
 * to be a complaint), through the desk's own intake: the same policy section, checks,
 * clocks, audit and outbox, but received when the original was, so its clocks count from
 * then. The caller has already decided who may convert; the complaint joins the caller's
 * tenant transaction.
 */
@Service
public class ComplaintConversions {

	private final ComplaintDesk desk;

	ComplaintConversions(ComplaintDesk desk) {
		this.desk = desk;
	}

	/**
	 * Who complains and how to reach them, what about, and the case it was first received
	 * as.
	 */
	public record Converted(String channel, String name, @Nullable String contact, String subject, String description,
			Instant receivedAt, UUID convertedFrom) {
	}

	public Mono<ComplaintId> file(StaffMember me, Converted converted) {
		return desk.acting(me).flatMap(loaded -> {
			NewComplaint complaint = new NewComplaint(converted.channel(), converted.name(), converted.contact(),
					converted.subject(), converted.description());
			complaint.requireComplete();
			return desk.receive(loaded, complaint, me.username(), converted.receivedAt(),
					AuditEvent.naming(me, Map.of("convertedFrom", converted.convertedFrom().toString())));
		}).map(Complaint::id);
	}

}
