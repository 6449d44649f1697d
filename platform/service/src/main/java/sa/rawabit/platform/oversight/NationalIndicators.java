package sa.rawabit.platform.oversight;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The oversight view, side by side, optionally narrowed to a region and a licence
 * authority.
 */
@Component
class NationalIndicators {

	private final OversightDatabase database;

	NationalIndicators(OversightDatabase database) {
		this.database = database;
	}

	Flux<AssociationIndicators> associations(@Nullable String region, @Nullable String licenceAuthority) {
		var spec = database.client().sql("""
				select * from oversight.association_indicators
				where ($1::text is null or region = $1) and ($2::text is null or licence_authority = $2)
				order by association_slug""");
		spec = spec.bind(0, Parameter.fromOrEmpty(region, String.class));
		spec = spec.bind(1, Parameter.fromOrEmpty(licenceAuthority, String.class));
		return spec.map(NationalIndicators::row).all();
	}

	private static AssociationIndicators row(Readable row) {
		String[] suppressed = row.get("suppressed", String[].class);
		return new AssociationIndicators(row.get("association_slug", String.class), row.get("name_ar", String.class),
				row.get("name_en", String.class), row.get("region", String.class),
				row.get("licence_authority", String.class), row.get("status", String.class),
				row.get("policy_number", Integer.class), row.get("policy_published_at", Instant.class),
				row.get("policy_approved_on", LocalDate.class), row.get("policy_approved_on_hijri", String.class),
				row.get("requests_received", Long.class), row.get("requests_decided", Long.class),
				row.get("median_decision_working_days", BigDecimal.class), row.get("deadline_cases", Long.class),
				row.get("within_deadline_share", BigDecimal.class), row.get("complaints_filed", Long.class),
				row.get("complaints_resolved", Long.class), row.get("complaints_escalated", Long.class),
				row.get("median_resolution_days", BigDecimal.class), row.get("survey_responses", Long.class),
				row.get("survey_response_rate", BigDecimal.class), row.get("satisfaction_average", BigDecimal.class),
				row.get("acknowledged_staff", Long.class), suppressed == null ? List.of() : List.of(suppressed),
				row.get("computed_at", Instant.class));
	}

}
