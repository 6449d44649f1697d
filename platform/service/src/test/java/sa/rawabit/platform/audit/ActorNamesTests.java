package sa.rawabit.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ActorNamesTests {

	private static final UUID CASE = UUID.randomUUID();

	@Test
	void ofWhenTrailNamedTheActorThenTheirLatestName() {
		ActorNames names = ActorNames
			.from(List.of(event("2026-01-02T10:00:00Z", "thimar.officer", Map.of(AuditEvent.ACTOR_NAME, "هدى الشمري")),
					event("2026-01-01T10:00:00Z", "thimar.officer", Map.of(AuditEvent.ACTOR_NAME, "هدى")),
					event("2026-01-03T10:00:00Z", "thimar.officer", Map.of())));

		assertThat(names.of("thimar.officer")).isEqualTo("هدى الشمري");
	}

	@Test
	void ofWhenNoNameRecordedThenTheUsername() {
		ActorNames names = ActorNames.from(List.of(event("2026-01-01T10:00:00Z", "thimar.committee", Map.of())));

		assertThat(names.of("thimar.committee")).isEqualTo("thimar.committee");
		assertThat(names.of("someone.else")).isEqualTo("someone.else");
		assertThat(names.of(null)).isEmpty();
	}

	private static AuditEvent event(String at, String actor, Map<String, String> detail) {
		return new AuditEvent(Instant.parse(at), actor, "request.opened", "request", CASE, null, null, null, detail);
	}

}
