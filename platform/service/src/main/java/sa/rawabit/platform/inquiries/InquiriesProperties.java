package sa.rawabit.platform.inquiries;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rawabit.inquiries.*}.
 *
 * @param answerDeadline the id of the policy deadline that bounds the answer to an inquiry, counted from
 * its receipt; a policy without a deadline of that id starts no clock. The policy language has no
 * inquiry event yet, so the id is how a policy says which of its deadlines this is.
 * @param zone where the associations work: a due day ends at its midnight there
 * @param pageSize most inquiries one list answer returns
 */
@ConfigurationProperties("rawabit.inquiries")
public record InquiriesProperties(@DefaultValue("inquiry-answer") String answerDeadline,
		@DefaultValue("Asia/Riyadh") ZoneId zone, @DefaultValue("200") int pageSize) {
}
