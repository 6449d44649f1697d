package sa.rawabit.platform.complaints;

import org.jspecify.annotations.Nullable;
import sa.rawabit.foundation.problem.FieldChecks;

/**
 * What a complaint arrives with, from the public form or from staff who took it by fax,
 * phone or letter.
 */
record NewComplaint(@Nullable String channel, @Nullable String name, @Nullable String contact, @Nullable String subject,
		@Nullable String description) {

	/**
	 * @throws sa.rawabit.foundation.problem.ProblemException 400 naming every missing or
	 * oversized field
	 */
	void requireComplete() {
		new FieldChecks().atMost("channel", channel, 60)
			.required("name", name, 200)
			.atMost("contact", contact, 200)
			.required("subject", subject, 200)
			.required("description", description, 5000)
			.orThrow();
	}
}
