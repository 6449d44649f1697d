package sa.rawabit.platform.dashboard;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.SequencedSet;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import sa.rawabit.foundation.lifecycle.BackgroundSubscription;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.notifications.LiveEvents;

/**
 * Which dashboard-changing event each association is at, as this replica's fan-out
 * delivered them: the version part of the section cache's key. Events arrive in the
 * fan-out's order, the same on every replica and for every stream, and only after they
 * committed, so sections computed after event {@code e} arrived here include every change
 * up to {@code e}.
 */
@Component
class LiveVersions extends BackgroundSubscription {

	/**
	 * Recent event ids kept per association, to tell "already here" from "not yet here"
	 * (another replica's stream).
	 */
	static final int RECENT = 256;

	private final LiveEvents events;

	private final Map<TenantId, Recent> tenants = new ConcurrentHashMap<>();

	LiveVersions(LiveEvents events) {
		this.events = events;
	}

	@Override
	protected Disposable subscribe() {
		return events.of(LiveTopics::triggers)
			.subscribe(event -> tenants.computeIfAbsent(event.tenant(), tenant -> new Recent()).add(event.id()));
	}

	/**
	 * The version sections for {@code tenant} are computed at, for a page whose last
	 * dashboard event was {@code seen} (none on a first render): this replica's latest
	 * when it has already delivered {@code seen}, else {@code seen} itself (the page's
	 * stream runs on a replica that is ahead; sections computed now include it, since the
	 * page only heard of it after it committed).
	 */
	long versionFor(TenantId tenant, @Nullable Long seen) {
		Recent recent = tenants.get(tenant);
		long latest = recent == null ? 0 : recent.latest();
		if (seen == null || seen == latest || recent != null && recent.contains(seen)) {
			return latest;
		}
		return seen;
	}

	/**
	 * A small, bounded memory of one association's latest event ids; events of one
	 * association are few.
	 */
	private static final class Recent {

		private final SequencedSet<Long> ids = new LinkedHashSet<>();

		private long latest;

		synchronized void add(long id) {
			latest = id;
			ids.add(id);
			if (ids.size() > RECENT) {
				ids.removeFirst();
			}
		}

		synchronized long latest() {
			return latest;
		}

		synchronized boolean contains(long id) {
			return ids.contains(id);
		}

	}

}
