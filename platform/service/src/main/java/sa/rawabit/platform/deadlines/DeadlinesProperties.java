package sa.rawabit.platform.deadlines;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rawabit.deadlines.*}.
 *
 * @param sweepInterval how often each replica looks for due clocks; a deadline fires at
 * most this late
 * @param batchSize clocks claimed per transaction; a sweep repeats batches until fewer
 * are due
 * @param sweeping off on a replica that should leave the clocks to others
 */
@ConfigurationProperties("rawabit.deadlines")
public record DeadlinesProperties(@DefaultValue("5s") Duration sweepInterval, @DefaultValue("100") int batchSize,
		@DefaultValue("true") boolean sweeping) {
}
