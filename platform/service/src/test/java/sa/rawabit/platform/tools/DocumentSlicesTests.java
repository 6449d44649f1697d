package sa.rawabit.platform.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.util.unit.DataSize;
import reactor.test.StepVerifier;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.platform.DeskTest;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;

/**
 * A document's bytes leave the database a slice at a time, only as fast as the client
 * takes them.
 */
class DocumentSlicesTests extends DeskTest {

	private static final int SLICE = 64 * 1024;

	@Autowired
	ToolShelf shelf;

	@Autowired
	ToolDocumentRecords records;

	@Autowired
	Transactions transactions;

	TestTenant association;

	byte[] content;

	@BeforeEach
	void document() {
		association = TestTenants.register("slices");
		publishInForce(association.id(),
				SeedPolicies.get("thimar-alkhair")
					.yaml()
					.replace("slug: thimar-alkhair", "slug: " + association.slug()));
		content = new byte[3 * SLICE + 100];
		new Random(7).nextBytes(content);
		ToolDocumentFixtures.upload(association.id(), "bylaws", 1, "bylaws.pdf", content, true);
	}

	@Test
	void sliceWhenRequestedOneByOneThenEachReadOnDemandAndTheWholeIsTheDocument() {
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		DocumentDownload download = shelf.forPublic(association.slug(), "bylaws", null).block();

		slices(Duration.ofMinutes(1)).of(download, DefaultDataBufferFactory.sharedInstance)
			.as(flux -> StepVerifier.create(flux, 0))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(200))
			.thenRequest(1)
			.consumeNextWith(buffer -> keep(buffer, received))
			.thenRequest(3)
			.thenConsumeWhile(buffer -> keep(buffer, received))
			.verifyComplete();
		assertThat(received.toByteArray()).isEqualTo(content);
	}

	@Test
	void sliceWhenThePreviousIsNotTakenThenTheNextIsNotReadAndAnIdleClientIsDropped() {
		DocumentDownload download = shelf.forPublic(association.slug(), "bylaws", null).block();
		AtomicReference<DataBuffer> first = new AtomicReference<>();
		NettyDataBufferFactory netty = new NettyDataBufferFactory(UnpooledByteBufAllocator.DEFAULT);

		// Asked for everything at once, as Reactor Netty does, yet nothing follows the
		// first slice until it is released.
		slices(Duration.ofSeconds(2)).of(download, netty)
			.as(StepVerifier::create)
			.consumeNextWith(first::set)
			.expectNoEvent(Duration.ofMillis(500))
			.then(() -> DataBufferUtils.release(first.get()))
			.consumeNextWith(second -> assertThat(second.readableByteCount()).isEqualTo(SLICE))
			// The second one is never released: after the idle timeout the download ends
			// with an error.
			.expectErrorSatisfies(failure -> assertThat(failure).isInstanceOf(TimeoutException.class))
			.verify(Duration.ofSeconds(10));
	}

	private DocumentSlices slices(Duration idle) {
		ToolsProperties properties = new ToolsProperties(URI.create("http://127.0.0.1"),
				new ToolsProperties.Downloads(4, 32, DataSize.ofBytes(SLICE), 2, idle, Duration.ofSeconds(10)));
		return new DocumentSlices(records, transactions, properties);
	}

	private static boolean keep(DataBuffer buffer, ByteArrayOutputStream received) {
		byte[] bytes = new byte[buffer.readableByteCount()];
		buffer.read(bytes);
		received.writeBytes(bytes);
		return true;
	}

}
