package sa.rawabit.platform.inquiries;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rawabit.inquiries.*}.
 *
 * @param answerDeadline the kind under which an inquiry's answer clock runs, and the id
 * of the policy deadline used when a policy version has none starting at
 * {@code inquiry-received} (versions written before the event existed); such a version
 * without a deadline of that id starts no clock.
 * @param pageSize most inquiries one list answer returns
 */
@ConfigurationProperties("rawabit.inquiries")
public record InquiriesProperties(@DefaultValue("inquiry-answer") String answerDeadline,
		@DefaultValue("200") int pageSize) {
}
