package sa.rawabit.platform.beneficiaries;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import sa.rawabit.foundation.problem.FieldChecks;
import sa.rawabit.policy.ChannelId;
import sa.rawabit.policy.Policy;

/**
 * What staff enter to register a beneficiary, from the API's JSON or a page's form;
 * {@link #validated} names every invalid field at once (the national ID's check digit
 * included).
 */
public record Registration(@Nullable String nationalId, @Nullable String fullName, @Nullable String phone,
		@Nullable String email, @Nullable String address, @Nullable String category, @Nullable String contactChannel,
		@Nullable Boolean consent) {

	private static final Pattern PHONE = Pattern.compile("^\\+?[0-9]{9,15}$");

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private static final Pattern ID = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

	NewBeneficiary validated(@Nullable Policy policy) {
		new FieldChecks().required("nationalId", nationalId, 10)
			.check(nationalId == null || nationalId.isBlank() || NationalId.isValid(nationalId), "nationalId",
					"Not a valid national ID or iqama number (10 digits, starting with 1 or 2, with its check digit)",
					"رقم الهوية الوطنية أو الإقامة غير صحيح (10 أرقام تبدأ بـ 1 أو 2 مع رقم التحقق)")
			.required("fullName", fullName, 200)
			.atMost("email", email, 254)
			.atMost("address", address, 500)
			.atMost("category", category, 60)
			.atMost("contactChannel", contactChannel, 60)
			.matches("phone", phone, PHONE, "Digits only, 9 to 15, optionally starting with +",
					"أرقام فقط من 9 إلى 15 ويمكن أن تبدأ بـ +")
			.matches("email", email, EMAIL, "Not an e-mail address", "ليس بريداً إلكترونياً صحيحاً")
			.matches("category", category, ID, "Lower-case latin letters, digits and dashes",
					"حروف لاتينية صغيرة وأرقام وشرطات")
			.check(contactChannel == null || policy == null
					|| policy.channel(new ChannelId(contactChannel)).isPresent(), "contactChannel",
					"Not a channel the association's policy enables", "ليست قناة مفعّلة في سياسة الجمعية")
			.check(contactChannel == null || policy == null || policy.telling().isEmpty()
					|| policy.telling().contains(new ChannelId(contactChannel)), "contactChannel",
					"The association's policy does not let beneficiaries be told on this channel",
					"لا تجيز سياسة الجمعية إبلاغ المستفيد عبر هذه القناة")
			.check(!"email".equals(contactChannel) || email != null && !email.isBlank(), "email",
					"Needed when the agreed channel is e-mail", "مطلوب عند الاتفاق على التواصل بالبريد الإلكتروني")
			.check(!"phone".equals(contactChannel) && !"whatsapp".equals(contactChannel)
					|| phone != null && !phone.isBlank(), "phone", "Needed when the agreed channel is the phone",
					"مطلوب عند الاتفاق على التواصل بالهاتف")
			.orThrow();
		return new NewBeneficiary(nationalId, fullName.strip(), blankToNull(phone), blankToNull(email),
				blankToNull(address), blankToNull(category), blankToNull(contactChannel), Boolean.TRUE.equals(consent));
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
