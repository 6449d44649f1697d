package sa.rawabit.platform.policy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import sa.rawabit.foundation.policy.PolicyVersionId;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * Parsed versions by tenant and id, least recently used evicted first. Published versions
 * never change, so an entry is never stale; the bound only keeps years of superseded
 * versions out of memory.
 */
final class VersionCache {

	private final Map<Key, LoadedPolicy> entries;

	VersionCache(int capacity) {
		this.entries = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<Key, LoadedPolicy> eldest) {
				return size() > capacity;
			}
		};
	}

	synchronized @Nullable LoadedPolicy get(TenantId tenant, PolicyVersionId version) {
		return entries.get(new Key(tenant, version));
	}

	synchronized void put(LoadedPolicy policy) {
		entries.put(new Key(policy.tenant(), policy.version()), policy);
	}

	private record Key(TenantId tenant, PolicyVersionId version) {
	}

}
