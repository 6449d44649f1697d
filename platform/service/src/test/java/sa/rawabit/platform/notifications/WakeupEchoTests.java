package sa.rawabit.platform.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.testing.TestDatabase;

/**
 * A replica knows its own outbox NOTIFYs by their sending backend, so its listener
 * ignores their echo (it was woken locally already), while any other backend's NOTIFY -
 * another replica's - still wakes it (ReplicaStreamTests: B is woken by A's).
 */
class WakeupEchoTests extends PlatformTest {

	@Autowired
	Wakeups wakeups;

	@Autowired
	ListeningReplicas replicas;

	@Test
	void sentHereWhenThisReplicasNotifyThenItsSenderButNoOtherBackend() throws Exception {
		try (Connection listener = TestDatabase.get().connectAsSuperuser();
				Statement statement = listener.createStatement()) {
			// Another replica's listener: this replica sends its wake-ups only when there
			// is one.
			statement.execute("set application_name = '" + OutboxFanOut.LISTENER_NAME + "'");
			statement.execute("listen " + Wakeups.CHANNEL);
			int otherBackend;
			try (ResultSet pid = statement.executeQuery("select pg_backend_pid()")) {
				pid.next();
				otherBackend = pid.getInt(1);
			}

			replicas.check().as(StepVerifier::create).expectNext(true).verifyComplete();

			wakeups.committed();

			PGNotification[] heard = listener.unwrap(PGConnection.class).getNotifications(10_000);
			assertThat(heard).isNotEmpty();
			int sender = heard[0].getPID();
			await().atMost(Duration.ofSeconds(5)).until(() -> wakeups.sentHere(sender));
			assertThat(wakeups.sentHere(otherBackend)).isFalse();
		}
	}

}
