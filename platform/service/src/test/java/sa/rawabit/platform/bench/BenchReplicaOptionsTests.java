package sa.rawabit.platform.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code -Dbench.replica}: options split at commas, but not inside an option. */
class BenchReplicaOptionsTests {

	@Test
	void optionsWhenOneHoldsACommaThenItStaysWhole() {
		assertThat(BenchReplica.options("-Xlog:gc:file=/tmp/gc.log:uptime,time,-Dreactor.netty.ioWorkerCount=2"))
			.containsExactly("-Xlog:gc:file=/tmp/gc.log:uptime,time", "-Dreactor.netty.ioWorkerCount=2");
	}

	@Test
	void optionsWhenSeveralPlainOnesThenEachAlone() {
		assertThat(BenchReplica.options("-XX:+UseParallelGC,-Drawabit.notifications.notify-coalesce=10s"))
			.containsExactly("-XX:+UseParallelGC", "-Drawabit.notifications.notify-coalesce=10s");
	}

}
