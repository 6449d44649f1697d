package sa.rawabit.foundation.lifecycle;

import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;

/**
 * A reactive pipeline that runs in the background from context start to context stop
 * (listeners, sweepers, fan-out). Spring stops it on shutdown — and when it pauses an
 * unused test context — and starts it again on restart.
 */
public abstract class BackgroundSubscription implements SmartLifecycle {

	private volatile @Nullable Disposable running;

	/** Subscribes the pipeline; called on every start. */
	protected abstract Disposable subscribe();

	@Override
	public void start() {
		running = subscribe();
	}

	@Override
	public void stop() {
		Disposable current = running;
		running = null;
		if (current != null) {
			current.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		return running != null;
	}

}
