package sa.rawabit.platform.updates;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.rawabit.platform.notifications.Reaction;
import sa.rawabit.platform.policy.PolicyPublished;

/**
 * Scans an association for what to tell beneficiaries as soon as it publishes a policy
 * version, instead of at the next scheduled scan (a minute later by default). The scan
 * itself stays the safety net: it compares with the database, so this reaction running
 * twice, or not at all, changes nothing but the delay.
 */
@Component
class PolicyPublishedScan implements Reaction<PolicyPublished> {

	private final UpdateScanner scanner;

	PolicyPublishedScan(UpdateScanner scanner) {
		this.scanner = scanner;
	}

	@Override
	public String name() {
		return "updates.scan-on-policy-published";
	}

	@Override
	public Class<PolicyPublished> event() {
		return PolicyPublished.class;
	}

	@Override
	public Mono<Void> react(Reacted<PolicyPublished> published) {
		return scanner.scanOne(published.tenant()).then();
	}

}
