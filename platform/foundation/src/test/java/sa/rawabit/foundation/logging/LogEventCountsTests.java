package sa.rawabit.foundation.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class LogEventCountsTests {

	private final LoggerContext logging = new LoggerContext();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final Logger log = logging.getLogger("sa.rawabit.example");

	@Test
	void appendWhenLinesAreWrittenThenCountedByLevelAndDisabledOnesAreNot() {
		new LogEventCounts(logging).bindTo(registry);
		logging.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);

		log.error("e");
		log.warn("w1");
		log.warn("w2");
		log.info("i");
		log.debug("not written");

		assertThat(count("error")).isEqualTo(1);
		assertThat(count("warn")).isEqualTo(2);
		assertThat(count("info")).isEqualTo(1);
		assertThat(count("debug")).isZero();
		assertThat(logging.getTurboFilterList()).as("level checks stay free of filters").isEmpty();
	}

	@Test
	void appendWhenLogbackWasResetThenStillCounted() {
		new LogEventCounts(logging).bindTo(registry);

		logging.reset();
		log.warn("after a reconfiguration");

		assertThat(count("warn")).isEqualTo(1);
	}

	@Test
	void appendWhenBoundToTwoRegistriesThenCountedInEach() {
		LogEventCounts counts = new LogEventCounts(logging);
		SimpleMeterRegistry other = new SimpleMeterRegistry();
		counts.bindTo(registry);
		counts.bindTo(other);

		log.error("once");

		assertThat(count("error")).isEqualTo(1);
		assertThat(other.get("logback.events").tag("level", "error").counter().count()).isEqualTo(1);
		assertThat(logging.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(LogEventCounts.NAME)).isSameAs(counts);
	}

	private double count(String level) {
		return registry.get("logback.events").tag("level", level).counter().count();
	}

}
