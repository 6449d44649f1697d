package sa.rawabit.foundation.logging;

import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Counts of written log lines by level ({@link LogEventCounts}), in place of Boot's
 * Logback metrics, which {@code rawabit-defaults.yml} excludes.
 */
@AutoConfiguration
@ConditionalOnClass({ LoggerContext.class, MeterRegistry.class })
@Conditional(LoggingAutoConfiguration.LogbackInUse.class)
public class LoggingAutoConfiguration {

	@Bean
	LogEventCounts logEventCounts() {
		return new LogEventCounts((LoggerContext) LoggerFactory.getILoggerFactory());
	}

	/** Logback is on the class path and is what SLF4J writes through. */
	static final class LogbackInUse implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return LoggerFactory.getILoggerFactory() instanceof LoggerContext;
		}

	}

}
