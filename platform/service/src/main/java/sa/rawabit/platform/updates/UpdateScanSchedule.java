package sa.rawabit.platform.updates;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.lifecycle.BackgroundSubscription;

/**
 * Runs the update scan on every replica at {@code rawabit.updates.scan-interval}. A scan
 * is a comparison with the database, not an event that can be missed: a replica that was
 * down catches up on its next tick, and replicas scanning together announce each change
 * once.
 */
@Component
class UpdateScanSchedule extends BackgroundSubscription {

	private static final Logger log = LoggerFactory.getLogger(UpdateScanSchedule.class);

	private final UpdateScanner scanner;

	private final UpdatesProperties properties;

	UpdateScanSchedule(UpdateScanner scanner, UpdatesProperties properties) {
		this.scanner = scanner;
		this.properties = properties;
	}

	@Override
	protected Disposable subscribe() {
		if (!properties.scanning()) {
			log.info("Update scans are off on this replica (rawabit.updates.scanning=false)");
			return Disposables.single();
		}
		return Flux.interval(properties.scanInterval(), properties.scanInterval())
			.onBackpressureDrop()
			.concatMap(tick -> scanner.scanAll().doOnNext(told -> {
				if (told > 0) {
					log.info("Update scan told {} beneficiaries of changes", told);
				}
			}).onErrorResume(error -> {
				log.warn("Update scan failed; trying again in {}", properties.scanInterval(), error);
				return Mono.empty();
			}), 0)
			.subscribe();
	}

}
