package sa.rawabit.platform.inquiries.desk;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import sa.rawabit.foundation.problem.FieldChecks;
import sa.rawabit.platform.beneficiaries.BeneficiaryId;
import sa.rawabit.policy.ChannelId;
import sa.rawabit.policy.Policy;

/**
 * What staff log: the question, the channel it came by, and who asked - a registered
 * beneficiary or an anonymous contact with the channel agreed for the answer - with the
 * category and field that route it.
 */
public record NewInquiry(@Nullable String channel, @Nullable String question, @Nullable UUID beneficiaryId,
		@Nullable ContactBody contact, @Nullable String category, @Nullable String field) {

	static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	static final Pattern PHONE = Pattern.compile("\\+?[0-9 ]{7,20}");

	public record ContactBody(@Nullable String name, @Nullable String channel, @Nullable String phone,
			@Nullable String email) {
	}

	/**
	 * @throws sa.rawabit.foundation.problem.ProblemException 400 naming every missing or
	 * invalid field
	 */
	void requireValid(Policy policy) {
		var checks = new FieldChecks().required("channel", channel, 60)
			.check(channel == null || channel.isBlank() || policy.channel(new ChannelId(channel)).isPresent(),
					"channel", "Not a channel this association's policy enables", "ليست قناة تتيحها سياسة الجمعية")
			.required("question", question, 5000)
			.atMost("category", category, 60)
			.atMost("field", field, 60)
			.matches("category", category, KEY, "Lower-case latin words joined by dashes", "كلمات لاتينية بينها شرطات")
			.matches("field", field, KEY, "Lower-case latin words joined by dashes", "كلمات لاتينية بينها شرطات")
			.check(beneficiaryId != null || contact != null, "contact",
					"Link a beneficiary or give an anonymous contact", "اربط مستفيداً أو أدخل بيانات تواصل");
		if (beneficiaryId == null && contact != null) {
			String agreed = contact.channel();
			checks.required("contact.name", contact.name(), 200)
				.required("contact.channel", agreed, 60)
				.check(agreed == null || agreed.isBlank() || policy.channel(new ChannelId(agreed)).isPresent(),
						"contact.channel", "Not a channel this association's policy enables",
						"ليست قناة تتيحها سياسة الجمعية")
				.check(!"email".equals(agreed) || contact.email() != null, "contact.email",
						"Required to answer by e-mail", "مطلوب للرد بالبريد الإلكتروني")
				.check(!"phone".equals(agreed) || contact.phone() != null, "contact.phone",
						"Required to answer by phone", "مطلوب للرد بالهاتف")
				.atMost("contact.email", contact.email(), 254)
				.matches("contact.email", contact.email(), EMAIL, "Not an e-mail address", "ليس بريداً إلكترونياً")
				.matches("contact.phone", contact.phone(), PHONE, "Not a phone number", "ليس رقم هاتف");
		}
		checks.orThrow();
	}

	/**
	 * The registered beneficiary who asks, typed; {@code null} for an anonymous contact.
	 */
	@Nullable BeneficiaryId beneficiary() {
		return beneficiaryId == null ? null : new BeneficiaryId(beneficiaryId);
	}

	Inquiry.@Nullable Contact anonymousContact() {
		if (beneficiaryId != null || contact == null) {
			return null;
		}
		return new Inquiry.Contact(contact.name().strip(), contact.channel(), blankToNull(contact.phone()),
				blankToNull(contact.email()));
	}

	public static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
