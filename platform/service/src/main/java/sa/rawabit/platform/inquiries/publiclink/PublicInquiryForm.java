package sa.rawabit.platform.inquiries.publiclink;

import org.jspecify.annotations.Nullable;
import sa.rawabit.platform.inquiries.desk.NewInquiry;

/**
 * What a person asks on the association's public page: the staff desk's inquiry with the
 * website channel and an anonymous contact, so its problems name the same fields
 * ({@code contact.name}, {@code question}…). {@code website} is the honeypot: hidden from
 * people by the page, filled in by bots that fill in everything.
 */
record PublicInquiryForm(@Nullable String question, NewInquiry.@Nullable ContactBody contact, @Nullable String category,
		@Nullable String field, @Nullable String website) {

	static PublicInquiryForm empty() {
		return new PublicInquiryForm(null, new NewInquiry.ContactBody(null, "phone", null, null), null, null, null);
	}

	NewInquiry asInquiry() {
		NewInquiry.ContactBody given = contact == null ? new NewInquiry.ContactBody(null, null, null, null) : contact;
		return new NewInquiry(PublicInquiryLink.WEBSITE, question, null,
				new NewInquiry.ContactBody(NewInquiry.blankToNull(given.name()),
						NewInquiry.blankToNull(given.channel()), NewInquiry.blankToNull(given.phone()),
						NewInquiry.blankToNull(given.email())),
				NewInquiry.blankToNull(category), NewInquiry.blankToNull(field));
	}
}
