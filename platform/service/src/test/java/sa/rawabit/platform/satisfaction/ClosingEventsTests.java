package sa.rawabit.platform.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.notifications.CommittedEvent;
import tools.jackson.databind.json.JsonMapper;

/** Which committed events close a case and so invite to the survey. */
class ClosingEventsTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void eventWhenComplaintResolvedOrSettledThenClosesCase() {
		assertThat(SurveyInviter.closesCase(event("complaint.resolved", Map.of("state", "resolved")))).isTrue();
		assertThat(SurveyInviter.closesCase(event("complaint.settled", Map.of("state", "settled")))).isTrue();
		assertThat(SurveyInviter.closesCase(event("complaint.acknowledged", Map.of("state", "acknowledged")))).isFalse();
		assertThat(SurveyInviter.closesCase(event("complaint.escalated", Map.of("state", "escalated")))).isFalse();
	}

	@Test
	void eventWhenRequestMovesToClosedThenClosesCaseAndOtherwiseNot() {
		assertThat(SurveyInviter.closesCase(event("request.beneficiary-notified", Map.of("status", "closed")))).isTrue();
		assertThat(SurveyInviter.closesCase(event("request.decided", Map.of("status", "awaiting-registration"))))
			.isFalse();
		assertThat(SurveyInviter.closesCase(event("request.message-not-sent", Map.of("channel", "email")))).isFalse();
		assertThat(SurveyInviter.closesCase(event("inquiry.answered", Map.of("status", "closed")))).isFalse();
	}

	private static CommittedEvent event(String topic, Map<String, String> payload) {
		return new CommittedEvent(TenantId.random(), 1, topic, topic.substring(0, topic.indexOf('.')), UUID.randomUUID(),
				JSON.valueToTree(payload));
	}
}
