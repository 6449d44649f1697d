package sa.rawabit.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProbeTests {

	@Test
	void specWhenParsedThenEachProbeKeepsItsPathWholeAndABlankSpecHasNone() {
		assertThat(Probe.parse("GET:/actuator/health/liveness; POST:/api/complaints;"))
			.containsExactly(new Probe("GET", "/actuator/health/liveness"), new Probe("POST", "/api/complaints"));
		assertThat(Probe.parse("GET:/api/x?at=10:30")).containsExactly(new Probe("GET", "/api/x?at=10:30"));
		assertThat(Probe.parse(" ")).isEqualTo(List.of());
		assertThatIllegalArgumentException().isThrownBy(() -> Probe.parse("/api/me"));
		assertThatIllegalArgumentException().isThrownBy(() -> Probe.parse("DELETE:/api/me"));
	}

}
