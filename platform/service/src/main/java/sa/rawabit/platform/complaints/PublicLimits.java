package sa.rawabit.platform.complaints;

import java.time.Clock;

import org.springframework.stereotype.Component;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;

/** The public link's flood guard: one bucket per client address, one per association. */
@Component
class PublicLimits {

	private final TokenBuckets addresses;

	private final TokenBuckets associations;

	PublicLimits(ComplaintsProperties properties, Clock clock) {
		this.addresses = new TokenBuckets(properties.addressCapacity(), properties.addressRefill(),
				properties.trackedKeys(), clock);
		this.associations = new TokenBuckets(properties.associationCapacity(), properties.associationRefill(),
				properties.trackedKeys(), clock);
	}

	void admitAddress(String address) {
		if (!addresses.take(address)) {
			throw tooMany("Too many complaints from your address; try again later",
					"عدد كبير من الشكاوى من عنوانك؛ حاول لاحقاً");
		}
	}

	void admitAssociation(String slug) {
		if (!associations.take(slug)) {
			throw tooMany("This association receives too many complaints right now; try again later",
					"تتلقى الجمعية عدداً كبيراً من الشكاوى حالياً؛ حاول لاحقاً");
		}
	}

	/** For tests that share one application (and so one set of buckets). */
	void forgetAll() {
		addresses.forgetAll();
		associations.forgetAll();
	}

	private static ProblemException tooMany(String en, String ar) {
		return new ProblemException(ProblemType.TOO_MANY_REQUESTS, en, ar, null);
	}
}
