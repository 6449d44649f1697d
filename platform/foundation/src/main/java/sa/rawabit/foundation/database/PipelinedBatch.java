package sa.rawabit.foundation.database;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Result;
import org.reactivestreams.Publisher;

/**
 * A batch of a {@link ScopedConnection}: executing it sends the transaction's pending
 * {@code BEGIN} in front of it, in the same write.
 */
final class PipelinedBatch implements Batch {

	private final ScopedConnection connection;

	private final Batch batch;

	PipelinedBatch(ScopedConnection connection, Batch batch) {
		this.connection = connection;
		this.batch = batch;
	}

	@Override
	public Batch add(String sql) {
		batch.add(sql);
		return this;
	}

	@Override
	public Publisher<? extends Result> execute() {
		return connection.afterBegin(batch::execute);
	}

}
