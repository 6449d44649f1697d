package sa.rawabit.platform.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import sa.rawabit.foundation.problem.ProblemException;

/**
 * Places for public downloads: a few per client address, a cap for the replica, each
 * given back once.
 */
class DownloadLimitsTests {

	private final DownloadLimits limits = new DownloadLimits(
			new ToolsProperties(URI.create("http://127.0.0.1"), new ToolsProperties.Downloads(2, 3,
					DataSize.ofKilobytes(256), 2, Duration.ofMinutes(1), Duration.ofSeconds(7))));

	@Test
	void admitWhenClientHasItsLimitRunningThenTooManyNamingItUntilOneIsReleased() {
		DownloadLimits.Permit first = limits.admit(from("192.0.2.1"));
		limits.admit(from("192.0.2.1"));

		assertThatThrownBy(() -> limits.admit(from("192.0.2.1"))).isInstanceOfSatisfying(ProblemException.class,
				refused -> {
					assertThat(refused.problemType()).isEqualTo(DownloadLimits.TOO_MANY);
					assertThat(refused.problemType().status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
					assertThat(refused.detailEn()).contains("At most 2 downloads");
					assertThat(refused.detailAr()).contains("2");
				});
		first.release();
		first.release(); // a second release gives back nothing more
		limits.admit(from("192.0.2.1"));
		assertThat(limits.running()).isEqualTo(2);
	}

	@Test
	void admitWhenReplicaIsAtItsCapThenBusyForEveryone() {
		IntStream.range(0, 3).forEach(i -> limits.admit(from("192.0.2." + (10 + i))));

		assertThatThrownBy(() -> limits.admit(from("192.0.2.99"))).isInstanceOfSatisfying(ProblemException.class,
				refused -> assertThat(refused.problemType().status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
		assertThat(limits.running()).isEqualTo(3);
	}

	@Test
	void admitWhenIpv6ClientsShareASlash64ThenTheyShareItsLimit() {
		limits.admit(from("2001:db8:1:2::1"));
		limits.admit(from("2001:db8:1:2::2"));

		assertThatThrownBy(() -> limits.admit(from("2001:db8:1:2:ffff::3"))).isInstanceOf(ProblemException.class);
		limits.admit(from("2001:db8:1:3::1"));
	}

	private static MockServerWebExchange from(String address) {
		return MockServerWebExchange.from(MockServerHttpRequest.get("/public/x/documents/bylaws")
			.remoteAddress(new InetSocketAddress(address, 40_000)));
	}

}
