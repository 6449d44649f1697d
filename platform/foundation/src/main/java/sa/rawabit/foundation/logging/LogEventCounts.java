package sa.rawabit.foundation.logging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code logback.events} by level, as Micrometer's {@code LogbackMetrics} counts them,
 * but from an appender on the root logger: only lines that are written reach it.
 * Micrometer's turbo filter made Logback run its filter chain on every level check
 * ({@code isDebugEnabled()} and the like, hundreds per request in Reactor Netty, the
 * driver and Spring), 1.7 % of the event loops' CPU per staff intake, for checks that
 * write nothing. Counted in every registry it is bound to.
 */
final class LogEventCounts extends UnsynchronizedAppenderBase<ILoggingEvent> implements MeterBinder {

	static final String NAME = "rawabit-log-event-counts";

	private final LoggerContext logging;

	/** Per registry bound, the counters of error, warn, info, debug and trace. */
	private final List<Counter[]> byLevel = new CopyOnWriteArrayList<>();

	LogEventCounts(LoggerContext logging) {
		this.logging = logging;
		setName(NAME);
		setContext(logging);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		byLevel.add(new Counter[] { counter(registry, "error"), counter(registry, "warn"), counter(registry, "info"),
				counter(registry, "debug"), counter(registry, "trace") });
		if (!isStarted()) {
			start();
			attach();
			// A reconfiguration of Logback drops the root's appenders: put this one back.
			logging.addListener(new Reattaching());
		}
	}

	private static Counter counter(MeterRegistry registry, String level) {
		return Counter.builder("logback.events")
			.tag("level", level)
			.description("Number of log events that were enabled by the effective log level")
			.baseUnit("events")
			.register(registry);
	}

	private void attach() {
		Logger root = logging.getLogger(Logger.ROOT_LOGGER_NAME);
		if (root.getAppender(NAME) == null) {
			root.addAppender(this);
		}
	}

	@Override
	protected void append(ILoggingEvent event) {
		int index = switch (event.getLevel().toInt()) {
			case Level.ERROR_INT -> 0;
			case Level.WARN_INT -> 1;
			case Level.INFO_INT -> 2;
			case Level.DEBUG_INT -> 3;
			default -> 4;
		};
		for (Counter[] counters : byLevel) {
			counters[index].increment();
		}
	}

	/** Logback's other notices leave the counts as they are. */
	private final class Reattaching implements LoggerContextListener {

		@Override
		public boolean isResetResistant() {
			return true;
		}

		@Override
		public void onStart(LoggerContext context) {
		}

		@Override
		public void onReset(LoggerContext context) {
			start();
			attach();
		}

		@Override
		public void onStop(LoggerContext context) {
		}

		@Override
		public void onLevelChange(Logger logger, Level level) {
		}

	}

}
