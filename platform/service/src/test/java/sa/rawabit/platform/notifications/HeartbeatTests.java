package sa.rawabit.platform.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * The heartbeat tick writes only to streams that were sent nothing since the tick before:
 * an idle stream gets a comment every tick, a busy one none, and none goes two ticks
 * without a byte.
 */
class HeartbeatTests {

	private static final Frame BEAT = Frame.comment("heartbeat", 0);

	private static final Frame EVENT = Frame.event("complaint.filed", "{}");

	@Test
	void beatWhenIdleThenEveryTickWhenBusyThenOnlyAfterATickWithoutEvents() {
		SinkStream stream = new SinkStream(
				new StaffMember("s", "s@thimar", TenantId.random(), "thimar", Set.of("follow-up-committee")), null, 64);

		stream.beat(BEAT);
		stream.beat(BEAT);
		stream.deliver(EVENT);
		stream.beat(BEAT); // an event since the last tick: no heartbeat
		stream.deliver(EVENT);
		stream.beat(BEAT); // again
		stream.beat(BEAT); // a whole tick without events: heartbeat
		stream.end(EVENT);

		List<String> written = stream.frames()
			.map(frame -> StandardCharsets.UTF_8.decode(frame.bytes().duplicate()).toString())
			.collectList()
			.block(Duration.ofSeconds(5));
		assertThat(written).containsExactly(":heartbeat\n\n", ":heartbeat\n\n", "event:complaint.filed\ndata:{}\n\n",
				"event:complaint.filed\ndata:{}\n\n", ":heartbeat\n\n", "event:complaint.filed\ndata:{}\n\n");
	}

}
