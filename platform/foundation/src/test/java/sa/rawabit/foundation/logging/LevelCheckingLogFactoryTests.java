package sa.rawabit.foundation.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Commons Logging (Spring's own logging) finds this factory and renders no message for a
 * disabled level.
 */
class LevelCheckingLogFactoryTests {

	@Test
	void logWhenLevelDisabledThenMessageNeverRendered() {
		String name = "sa.rawabit.tests.quiet";
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name)).setLevel(Level.INFO);
		AtomicInteger rendered = new AtomicInteger();
		Object message = new Object() {
			@Override
			public String toString() {
				rendered.incrementAndGet();
				return "rendered";
			}
		};

		Log log = LogFactory.getLog(name);
		log.debug(message);
		log.trace(message, new IllegalStateException());
		assertThat(rendered).as("debug and trace are off").hasValue(0);

		log.info(message);
		assertThat(rendered).as("info is on").hasValue(1);
		assertThat(LogFactory.getFactory()).isInstanceOf(LevelCheckingLogFactory.class);
	}

}
