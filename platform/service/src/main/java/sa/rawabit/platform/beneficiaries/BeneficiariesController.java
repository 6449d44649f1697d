package sa.rawabit.platform.beneficiaries;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.problem.FieldChecks;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.policy.ChannelId;
import sa.rawabit.policy.MaskedField;
import sa.rawabit.policy.Policy;

/** The association's beneficiary registry over HTTP, with personal fields masked for roles that do not need them. */
@RestController
@RequestMapping("/api/beneficiaries")
@Tag(name = "Beneficiaries · المستفيدون")
class BeneficiariesController {

	private static final Pattern PHONE = Pattern.compile("^\\+?[0-9]{9,15}$");

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private static final Pattern ID = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

	private final BeneficiaryRegistry registry;

	private final Confidentiality confidentiality;

	private final Registrations registrations;

	BeneficiariesController(BeneficiaryRegistry registry, Confidentiality confidentiality, Registrations registrations) {
		this.registry = registry;
		this.confidentiality = confidentiality;
		this.registrations = registrations;
	}

	record Registration(@Nullable String nationalId, @Nullable String fullName, @Nullable String phone,
			@Nullable String email, @Nullable String address, @Nullable String category,
			@Nullable String contactChannel, @Nullable Boolean consent) {

		NewBeneficiary validated(@Nullable Policy policy) {
			new FieldChecks().required("nationalId", nationalId, 10)
				.check(nationalId == null || nationalId.isBlank() || NationalId.isValid(nationalId), "nationalId",
						"Not a valid national ID or iqama number (10 digits, starting with 1 or 2, with its check digit)",
						"رقم الهوية الوطنية أو الإقامة غير صحيح (10 أرقام تبدأ بـ 1 أو 2 مع رقم التحقق)")
				.required("fullName", fullName, 200)
				.matches("phone", phone, PHONE, "Digits only, 9 to 15, optionally starting with +",
						"أرقام فقط من 9 إلى 15 ويمكن أن تبدأ بـ +")
				.matches("email", email, EMAIL, "Not an e-mail address", "ليس بريداً إلكترونياً صحيحاً")
				.matches("category", category, ID, "Lower-case latin letters, digits and dashes",
						"حروف لاتينية صغيرة وأرقام وشرطات")
				.check(contactChannel == null || policy == null
						|| policy.channel(new ChannelId(contactChannel)).isPresent(), "contactChannel",
						"Not a channel the association's policy enables", "ليست قناة مفعّلة في سياسة الجمعية")
				.check(!"email".equals(contactChannel) || email != null && !email.isBlank(), "email",
						"Needed when the agreed channel is e-mail", "مطلوب عند الاتفاق على التواصل بالبريد الإلكتروني")
				.check(!"phone".equals(contactChannel) || phone != null && !phone.isBlank(), "phone",
						"Needed when the agreed channel is the phone", "مطلوب عند الاتفاق على التواصل بالهاتف")
				.orThrow();
			return new NewBeneficiary(nationalId, fullName.strip(), blankToNull(phone), blankToNull(email),
					blankToNull(address), blankToNull(category), blankToNull(contactChannel),
					Boolean.TRUE.equals(consent));
		}

		private static @Nullable String blankToNull(@Nullable String value) {
			return value == null || value.isBlank() ? null : value.strip();
		}
	}

	@PostMapping
	@Operation(summary = "Register a beneficiary · تسجيل مستفيد",
			description = "400 names each invalid field (e.g. nationalId); 409 when the national ID is already registered; "
					+ "403 policy-not-acknowledged until the caller acknowledged the policy in force")
	Mono<ResponseEntity<Registrations.Registered>> register(@RequestBody Registration registration,
			@AuthenticationPrincipal StaffMember me) {
		return registrations.register(registration, me)
			.map(done -> ResponseEntity.created(URI.create("/api/beneficiaries/" + done.beneficiary().id().value()))
				.body(done));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One beneficiary, masked for roles that do not need personal fields · مستفيد واحد")
	Mono<Beneficiary> one(@PathVariable UUID id, @AuthenticationPrincipal StaffMember me) {
		return Mono.fromRunnable(me::requireTenant)
			.then(confidentiality.maskedFor(me))
			.flatMap(masked -> registry.find(new BeneficiaryId(id)).map(found -> found.masked(masked)))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("beneficiary")));
	}

	@GetMapping
	@Operation(summary = "All beneficiaries of the association, masked by role · جميع المستفيدين")
	Flux<Beneficiary> all(@AuthenticationPrincipal StaffMember me) {
		return Mono.fromRunnable(me::requireTenant)
			.then(confidentiality.maskedFor(me))
			.flatMapMany(masked -> registry.all().map(found -> found.masked(masked)));
	}

}
