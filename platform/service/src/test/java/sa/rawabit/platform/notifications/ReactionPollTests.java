package sa.rawabit.platform.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import sa.rawabit.platform.PlatformTest;

/**
 * An idle replica leaves caught-up reactions alone: the poll (here every 100 ms) gives a
 * turn only to a reaction whose last turn did not end caught up, and the sweep (here
 * every 3 s) gives one to all. Every turn stamps the reaction's status, so a window with
 * no new stamp is a window with no statement sent.
 */
@TestPropertySource(
		properties = { "rawabit.notifications.reactions.poll=100ms", "rawabit.notifications.reactions.sweep=3s" })
class ReactionPollTests extends PlatformTest {

	@Autowired
	Reactions reactions;

	@Test
	void pollWhenEveryReactionIsCaughtUpThenNoTurnUntilTheSweep() throws InterruptedException {
		assertThat(reactions.status()).isNotEmpty();
		// Ten polls fit in a second: before, each gave every reaction a turn, so no
		// second went unstamped.
		boolean quietSecond = false;
		for (int attempt = 0; attempt < 12 && !quietSecond; attempt++) {
			Map<String, ReactionStatus> before = reactions.status();
			Thread.sleep(1_000);
			quietSecond = before.equals(reactions.status()) && caughtUp(before);
		}
		assertThat(quietSecond).as("a second in which no caught-up reaction took a turn").isTrue();

		Map<String, ReactionStatus> before = reactions.status();
		Thread.sleep(Duration.ofSeconds(4).toMillis());
		Map<String, ReactionStatus> after = reactions.status();
		assertThat(after.keySet())
			.allSatisfy(reaction -> assertThat(after.get(reaction).reachedAt()).as("the sweep gave %s a turn", reaction)
				.isAfter(before.get(reaction).reachedAt()));
	}

	private static boolean caughtUp(Map<String, ReactionStatus> statuses) {
		return statuses.values().stream().allMatch(status -> status.error() == null && status.oldestWaiting() == null);
	}

}
