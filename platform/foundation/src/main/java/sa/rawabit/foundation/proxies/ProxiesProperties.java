package sa.rawabit.foundation.proxies;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rawabit.proxies.*}.
 *
 * @param trusted address blocks of the proxies in front of this application (the ingress
 * controller's pods, the compose nginx); only a connection from one of them may say, in
 * {@code Forwarded} or {@code X-Forwarded-*}, who the client is and which scheme and host
 * it used. Empty: no proxy is trusted and those headers are removed.
 * @param header the header those proxies maintain: {@code X-Forwarded-For} (nginx,
 * ingress-nginx: with {@code X-Forwarded-Proto/-Host}) or {@code Forwarded} (RFC 7239).
 * The other kind is removed even from them, as they pass it through from the client
 * unchanged.
 */
@ConfigurationProperties("rawabit.proxies")
public record ProxiesProperties(@DefaultValue List<String> trusted, @DefaultValue("X-Forwarded-For") String header) {

	List<AddressRange> ranges() {
		return trusted.stream().filter(cidr -> !cidr.isBlank()).map(AddressRange::parse).toList();
	}
}
