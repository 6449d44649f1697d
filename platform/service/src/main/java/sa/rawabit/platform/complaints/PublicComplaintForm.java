package sa.rawabit.platform.complaints;

import org.jspecify.annotations.Nullable;

/**
 * What the public form posts. {@code website} is the honeypot: hidden from people by the
 * page, filled in by bots that fill in everything.
 */
record PublicComplaintForm(@Nullable String name, @Nullable String contact, @Nullable String subject,
		@Nullable String description, @Nullable String website) {

	NewComplaint asComplaint() {
		return new NewComplaint(ComplaintsController.WEBSITE, name, contact, subject, description);
	}
}
