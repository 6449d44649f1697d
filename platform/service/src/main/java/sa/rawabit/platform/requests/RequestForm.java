package sa.rawabit.platform.requests;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import sa.rawabit.foundation.problem.FieldChecks;
import sa.rawabit.platform.beneficiaries.Registration;

/**
 * The "new request" page's form: an existing beneficiary ({@code beneficiaryId}) or a new
 * one's fields, then the request itself. Field names are the APIs', so a problem's field
 * lands next to its input.
 */
record RequestForm(@Nullable String beneficiaryId, @Nullable String nationalId, @Nullable String fullName,
		@Nullable String phone, @Nullable String email, @Nullable String contactChannel, @Nullable Boolean consent,
		@Nullable String service, @Nullable String channel, @Nullable List<String> checklist) {

	static RequestForm empty() {
		return new RequestForm(null, null, null, null, null, null, null, null, null, null);
	}

	boolean existing() {
		return beneficiaryId != null && !beneficiaryId.isBlank();
	}

	/**
	 * The request's own fields, checked before anyone is registered, so a typo there
	 * registers nobody.
	 */
	void checkRequestFields() {
		new FieldChecks().required("service", service, 100).required("channel", channel, 100).orThrow();
	}

	Registration registration() {
		return new Registration(nationalId == null ? null : nationalId.strip(), fullName, phone, email, null, null,
				blank(contactChannel) ? null : contactChannel, consent);
	}

	NewRequest request(UUID beneficiary) {
		return new NewRequest(beneficiary, service, channel,
				checklist == null ? List.of()
						: checklist.stream()
							.filter(item -> item.startsWith(service + ":"))
							.map(item -> Integer.valueOf(item.substring(service.length() + 1)))
							.toList());
	}

	/**
	 * The same form, now naming the beneficiary it registered, so sending it again
	 * registers nobody twice.
	 */
	RequestForm registered(UUID beneficiary) {
		return new RequestForm(beneficiary.toString(), nationalId, fullName, phone, email, contactChannel, consent,
				service, channel, checklist);
	}

	/** Checklist boxes are named "service:index": only the chosen service's count. */
	public boolean checked(String service, int item) {
		return checklist != null && checklist.contains(service + ":" + item);
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}
}
