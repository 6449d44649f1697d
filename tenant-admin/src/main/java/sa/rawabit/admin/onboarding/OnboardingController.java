package sa.rawabit.admin.onboarding;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.admin.identity.Person;
import sa.rawabit.admin.tenants.Licence;
import sa.rawabit.admin.tenants.NewAssociation;
import sa.rawabit.foundation.problem.FieldChecks;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.foundation.tenancy.TenantId;

/** Platform operators bring associations in and take them out. */
@RestController
@RequestMapping("/api/operator/associations")
class OnboardingController {

	static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

	static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private final Onboarding onboarding;

	private final Offboarding offboarding;

	OnboardingController(Onboarding onboarding, Offboarding offboarding) {
		this.onboarding = onboarding;
		this.offboarding = offboarding;
	}

	record Administrator(@Nullable String email, @Nullable String firstName, @Nullable String lastName) {
	}

	record OnboardRequest(@Nullable String slug, @Nullable String nameAr, @Nullable String nameEn,
			@Nullable String licenceAuthority, @Nullable String licenceNumber, @Nullable String region,
			@Nullable Administrator firstAdministrator) {

		NewAssociation association() {
			Administrator admin = firstAdministrator == null ? new Administrator(null, null, null) : firstAdministrator;
			new FieldChecks().required("slug", slug, 63)
				.matches("slug", slug, SLUG, "Lower-case latin letters, digits and single hyphens",
						"حروف لاتينية صغيرة وأرقام وشرطات مفردة")
				.required("nameAr", nameAr, 200)
				.required("nameEn", nameEn, 200)
				.required("licenceAuthority", licenceAuthority, 100)
				.required("licenceNumber", licenceNumber, 50)
				.required("region", region, 100)
				.required("firstAdministrator.email", admin.email(), 254)
				.matches("firstAdministrator.email", admin.email(), EMAIL, "Not an e-mail address",
						"ليس بريداً إلكترونياً صحيحاً")
				.required("firstAdministrator.firstName", admin.firstName(), 100)
				.required("firstAdministrator.lastName", admin.lastName(), 100)
				.orThrow();
			return new NewAssociation(slug, nameAr.strip(), nameEn.strip(),
					new Licence(licenceAuthority.strip(), licenceNumber.strip()), region.strip());
		}

		Person administrator() {
			return new Person(firstAdministrator.email().strip().toLowerCase(java.util.Locale.ROOT),
					firstAdministrator.firstName().strip(), firstAdministrator.lastName().strip());
		}
	}

	record OffboardRequest(@Nullable String exportSha256) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Onboarding.Onboarded> onboard(@RequestBody OnboardRequest request) {
		return Mono.fromCallable(request::association)
			.flatMap(association -> onboarding.onboard(association, request.administrator()));
	}

	/**
	 * 409 unless the association is suspended; each export is recorded for its tenant
	 * administrator. Streamed as it is read: a failure part-way ends the connection, and
	 * the truncated file has no checksum.
	 */
	@GetMapping(path = "/{id}/export", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<Flux<DataBuffer>>> export(@PathVariable UUID id, @AuthenticationPrincipal StaffMember me) {
		return offboarding.download(new TenantId(id), me.username())
			.map(document -> ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"export-" + id + ".json\"")
				.body(document.map(DefaultDataBufferFactory.sharedInstance::wrap)));
	}

	@PostMapping("/{id}/offboard")
	Mono<Offboarding.Offboarded> offboard(@PathVariable UUID id, @RequestBody OffboardRequest request) {
		return Mono.fromRunnable(() -> new FieldChecks().required("exportSha256", request.exportSha256(), 64).orThrow())
			.then(Mono.defer(() -> offboarding.offboard(new TenantId(id), request.exportSha256())));
	}

}
