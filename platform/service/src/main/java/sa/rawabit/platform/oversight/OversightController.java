package sa.rawabit.platform.oversight;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;
import sa.rawabit.foundation.security.StaffMember;

/**
 * The national comparison for oversight viewers, as JSON rows or the same rows as CSV.
 */
@RestController
@RequestMapping("/api/oversight")
class OversightController {

	static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

	private final NationalIndicators indicators;

	OversightController(NationalIndicators indicators) {
		this.indicators = indicators;
	}

	@GetMapping("/associations")
	Mono<List<AssociationIndicators>> associations(@AuthenticationPrincipal StaffMember viewer,
			@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String licenceAuthority) {
		return rows(viewer, region, licenceAuthority);
	}

	@GetMapping("/associations.csv")
	Mono<ResponseEntity<byte[]>> associationsCsv(@AuthenticationPrincipal StaffMember viewer,
			@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String licenceAuthority) {
		return rows(viewer, region, licenceAuthority).map(rows -> ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("associations.csv").build().toString())
			.body(IndicatorsCsv.write(rows)));
	}

	private Mono<List<AssociationIndicators>> rows(StaffMember viewer, @Nullable String region,
			@Nullable String licenceAuthority) {
		if (!viewer.hasRole(StaffMember.OVERSIGHT_VIEWER)) {
			return Mono.error(new ProblemException(ProblemType.FORBIDDEN, "This needs the oversight-viewer role",
					"يتطلب هذا دور مراقب الإشراف الوطني", null));
		}
		return indicators.associations(blankToNull(region), blankToNull(licenceAuthority)).collectList();
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
