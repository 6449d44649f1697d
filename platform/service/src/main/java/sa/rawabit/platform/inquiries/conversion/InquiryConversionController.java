package sa.rawabit.platform.inquiries.conversion;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.platform.inquiries.InquiryId;
import sa.rawabit.platform.inquiries.desk.Conversion;

/**
 * Converting an inquiry into the request or complaint it turned out to be; 201 with the
 * new case's address.
 */
@RestController
class InquiryConversionController {

	private final InquiryConversions conversions;

	InquiryConversionController(InquiryConversions conversions) {
		this.conversions = conversions;
	}

	@PostMapping("/api/inquiries/{id}/conversion")
	Mono<ResponseEntity<Map<String, Object>>> convert(@AuthenticationPrincipal StaffMember staff, @PathVariable UUID id,
			@RequestBody ConversionOrder order) {
		return conversions.convert(staff, new InquiryId(id), order).map(inquiry -> {
			Conversion conversion = inquiry.conversion();
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("inquiryId", inquiry.id().value().toString());
			body.put("state", inquiry.state().column());
			body.put("convertedTo", conversion.to().column());
			body.put("caseId", conversion.caseId().toString());
			body.put("receivedAt", inquiry.receivedAt().toString());
			return ResponseEntity.created(URI.create("/api" + conversion.to().page(conversion.caseId()))).body(body);
		});
	}

}
