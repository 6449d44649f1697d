package sa.rawabit.foundation.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rawabit.limits.*}.
 *
 * @param localKeys buckets one replica keeps in memory (without Redis, or while Redis
 * does not answer); the least recently used is forgotten beyond it
 */
@ConfigurationProperties("rawabit.limits")
public record LimitsProperties(@DefaultValue("100000") int localKeys) {
}
