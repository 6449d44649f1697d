package sa.rawabit.platform.complaints;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code rawabit.complaints.*}: limits of the public complaint link. Each limit is a token bucket of
 * {@code capacity} requests at once, refilled completely over {@code refill}.
 *
 * @param maxBody largest public form body accepted; larger is refused before it is read whole
 * @param addressCapacity per client address, across all associations
 * @param associationCapacity per association, across all addresses
 * @param trackedKeys buckets remembered at once; beyond it they are all forgotten (memory stays bounded)
 */
@ConfigurationProperties("rawabit.complaints")
public record ComplaintsProperties(@DefaultValue("16KB") DataSize maxBody, @DefaultValue("5") int addressCapacity,
		@DefaultValue("10m") Duration addressRefill, @DefaultValue("30") int associationCapacity,
		@DefaultValue("1m") Duration associationRefill, @DefaultValue("100000") int trackedKeys) {
}
