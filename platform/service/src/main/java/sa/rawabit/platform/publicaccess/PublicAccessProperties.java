package sa.rawabit.platform.publicaccess;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code rawabit.public-access.*}: limits of the public links (complaints, inquiries).
 * Each limit is a token bucket of {@code capacity} requests at once, refilled completely
 * over {@code refill}; every link has its own buckets under the same limits.
 *
 * @param maxBody largest public form body accepted; larger is refused before it is read
 * whole
 * @param addressCapacity per client address, across all associations
 * @param associationCapacity per association, across all addresses
 */
@ConfigurationProperties("rawabit.public-access")
public record PublicAccessProperties(@DefaultValue("16KB") DataSize maxBody, @DefaultValue("5") int addressCapacity,
		@DefaultValue("10m") Duration addressRefill, @DefaultValue("30") int associationCapacity,
		@DefaultValue("1m") Duration associationRefill) {
}
