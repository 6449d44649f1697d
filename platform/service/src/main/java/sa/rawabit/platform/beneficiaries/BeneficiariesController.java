package sa.rawabit.platform.beneficiaries;

import java.net.URI;
import java.util.UUID;
import java.util.regex.Pattern;

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

/** The association's beneficiary registry over HTTP; the requests feature grows it. */
@RestController
@RequestMapping("/api/beneficiaries")
class BeneficiariesController {

	private static final Pattern PHONE = Pattern.compile("^\\+?[0-9]{9,15}$");

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private final BeneficiaryRegistry registry;

	BeneficiariesController(BeneficiaryRegistry registry) {
		this.registry = registry;
	}

	record Registration(@Nullable String nationalId, @Nullable String fullName, @Nullable String phone,
			@Nullable String email) {

		NewBeneficiary validated() {
			new FieldChecks().required("nationalId", nationalId, 10)
				.check(nationalId == null || nationalId.isBlank() || NationalId.isValid(nationalId), "nationalId",
						"Not a valid national ID or iqama number (10 digits, starting with 1 or 2, with its check digit)",
						"رقم الهوية الوطنية أو الإقامة غير صحيح (10 أرقام تبدأ بـ 1 أو 2 مع رقم التحقق)")
				.required("fullName", fullName, 200)
				.matches("phone", phone, PHONE, "Digits only, 9 to 15, optionally starting with +",
						"أرقام فقط من 9 إلى 15 ويمكن أن تبدأ بـ +")
				.matches("email", email, EMAIL, "Not an e-mail address", "ليس بريداً إلكترونياً صحيحاً")
				.orThrow();
			return new NewBeneficiary(nationalId, fullName.strip(), blankToNull(phone), blankToNull(email));
		}

		private static @Nullable String blankToNull(@Nullable String value) {
			return value == null || value.isBlank() ? null : value.strip();
		}
	}

	@PostMapping
	Mono<ResponseEntity<Beneficiary>> register(@RequestBody Registration registration,
			@AuthenticationPrincipal StaffMember me) {
		return Mono.fromRunnable(() -> me.requireAnyRole("relations-officer"))
			.then(Mono.fromCallable(registration::validated))
			.flatMap(person -> registry.register(person, me.username()))
			.map(saved -> ResponseEntity.created(URI.create("/api/beneficiaries/" + saved.id().value())).body(saved));
	}

	@GetMapping("/{id}")
	Mono<Beneficiary> one(@PathVariable UUID id, @AuthenticationPrincipal StaffMember me) {
		return Mono.fromRunnable(me::requireTenant)
			.then(registry.find(new BeneficiaryId(id)))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("beneficiary")));
	}

	@GetMapping
	Flux<Beneficiary> all(@AuthenticationPrincipal StaffMember me) {
		return Mono.fromRunnable(me::requireTenant).thenMany(registry.all());
	}
}
