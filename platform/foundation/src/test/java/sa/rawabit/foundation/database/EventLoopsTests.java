package sa.rawabit.foundation.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.StreamSupport;

import io.netty.channel.EventLoopGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.netty.ReactorNetty;

class EventLoopsTests {

	@AfterEach
	void forgetCount() {
		System.clearProperty(ReactorNetty.IO_WORKER_COUNT);
	}

	@Test
	void loopsWhenCreatedThenOnePerCore() {
		try (EventLoops loops = new EventLoops()) {
			assertThat(count(loops.resources().onServer(true))).isEqualTo(Runtime.getRuntime().availableProcessors());
		}
	}

	@Test
	void loopsWhenTheOperatorSetsACountThenThatMany() {
		System.setProperty(ReactorNetty.IO_WORKER_COUNT, " 3 ");
		try (EventLoops loops = new EventLoops()) {
			assertThat(count(loops.resources().onServer(true))).isEqualTo(3);
		}
	}

	private static long count(EventLoopGroup group) {
		return StreamSupport.stream(group.spliterator(), false).count();
	}

}
