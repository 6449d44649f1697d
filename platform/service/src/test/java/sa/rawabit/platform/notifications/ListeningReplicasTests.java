package sa.rawabit.platform.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.testing.Backends;
import sa.rawabit.testing.TestDatabase;

/**
 * A replica alone on its database sends no outbox NOTIFY; one arriving announces itself
 * and is sent the wake-ups from then on; one leaving is noticed by the next check. An
 * observer that LISTENs without being a replica (its application name is the JDBC
 * driver's) sees what is sent.
 */
class ListeningReplicasTests extends PlatformTest {

	@Autowired
	Wakeups wakeups;

	@Autowired
	ListeningReplicas replicas;

	@Autowired
	WorkerDatabase worker;

	@Autowired
	NotificationsProperties properties;

	@Test
	void committedWhenAloneThenNoNotifyAndOnceAnotherReplicaArrivesThenItIsWokenUntilItLeaves() throws Exception {
		try (Connection observer = TestDatabase.get().connectAsSuperuser();
				Statement watching = observer.createStatement()) {
			watching.execute("listen " + Wakeups.CHANNEL);
			// Listeners of other test contexts leave as Spring pauses those contexts.
			await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.FALSE.equals(replicas.check().block()));

			wakeups.committed();
			assertThat(fromWorkers(observer, 1_000)).isEmpty();

			try (Connection arriving = TestDatabase.get().connectAsSuperuser();
					Statement replica = arriving.createStatement()) {
				replica.execute("set application_name = '" + OutboxFanOut.LISTENER_NAME + "'");
				replica.execute("listen " + Wakeups.CHANNEL);
				int arrivingBackend = backend(replica);
				replica.execute("select pg_notify('" + Wakeups.CHANNEL + "', '')");
				assertThat(heard(observer, 10_000)).extracting(PGNotification::getPID).contains(arrivingBackend);
				// This replica heard the arrival too: from now on it wakes the other.
				await().atMost(Duration.ofSeconds(10)).until(() -> replicas.othersListening().block());

				wakeups.committed();
				assertThat(fromWorkers(observer, 10_000)).isNotEmpty();
			}

			await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.FALSE.equals(replicas.check().block()));
			wakeups.committed();
			assertThat(fromWorkers(observer, 1_000)).isEmpty();
		}
	}

	@Test
	void checkWhenNothingEverHeardAndAloneThenAlone() throws Exception {
		await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.FALSE.equals(replicas.check().block()));
		List<Integer> listeners = Backends.named(OutboxFanOut.LISTENER_NAME);
		assertThat(listeners).isNotEmpty();
		int ownListener = listeners.getFirst();
		// A replica just started: it has heard no other, so PostgreSQL's answer stands.
		ListeningReplicas started = new ListeningReplicas(worker, properties);
		started.listeningAs(ownListener);

		started.othersListening().as(StepVerifier::create).expectNext(false).verifyComplete();
	}

	/**
	 * The wake-ups {@code observer} receives within {@code millis} from the worker's
	 * backends, where {@link Wakeups} sends them: a replica's listener (of another test
	 * context resuming, say) announcing itself is not one.
	 */
	private static List<Integer> fromWorkers(Connection observer, int millis) throws Exception {
		List<Integer> senders = Arrays.stream(heard(observer, millis)).map(PGNotification::getPID).toList();
		List<Integer> workers = Backends.named(WorkerDatabase.APPLICATION_NAME);
		return senders.stream().filter(workers::contains).toList();
	}

	/** The NOTIFYs {@code observer} receives within {@code millis}. */
	private static PGNotification[] heard(Connection observer, int millis) throws Exception {
		PGNotification[] heard = observer.unwrap(PGConnection.class).getNotifications(millis);
		return heard == null ? new PGNotification[0] : heard;
	}

	private static int backend(Statement statement) throws Exception {
		try (ResultSet pid = statement.executeQuery("select pg_backend_pid()")) {
			pid.next();
			return pid.getInt(1);
		}
	}

}
