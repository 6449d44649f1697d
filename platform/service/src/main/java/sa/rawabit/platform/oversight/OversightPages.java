package sa.rawabit.platform.oversight;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.pages.PageController;
import sa.rawabit.foundation.pages.RendersPages;
import sa.rawabit.foundation.security.StaffMember;

/**
 * The national comparison as a page for oversight viewers: filters, charts of the
 * indicators a person would rather compare by eye, and the full table (the charts'
 * accessible equivalent); the CSV link downloads exactly the rows on the page.
 */
@PageController
class OversightPages implements RendersPages {

	private final OversightController api;

	OversightPages(OversightController api) {
		this.api = api;
	}

	@GetMapping("/oversight")
	Mono<String> page(@AuthenticationPrincipal StaffMember viewer,
			@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String licenceAuthority, Model model) {
		Mono<List<AssociationIndicators>> all = api.associations(viewer, null, null);
		Mono<List<AssociationIndicators>> shown = api.associations(viewer, region, licenceAuthority);
		return Mono.zip(all, shown).map(both -> {
			List<AssociationIndicators> rows = both.getT2();
			model.addAttribute("me", viewer);
			model.addAttribute("rows", rows);
			model.addAttribute("region", region == null ? "" : region);
			model.addAttribute("licenceAuthority", licenceAuthority == null ? "" : licenceAuthority);
			model.addAttribute("regions", distinct(both.getT1(), AssociationIndicators::region));
			model.addAttribute("authorities", distinct(both.getT1(), AssociationIndicators::licenceAuthority));
			model.addAttribute("charts", List.of(
					BarChart.of("oversight.chart.withinDeadline", rows, AssociationIndicators::withinDeadlinePercent),
					BarChart.of("oversight.chart.medianDecision", rows,
							AssociationIndicators::medianDecisionWorkingDays),
					BarChart.of("oversight.chart.complaintsFiled", rows, AssociationIndicators::complaintsFiled),
					BarChart.of("oversight.chart.medianResolution", rows, AssociationIndicators::medianResolutionDays),
					BarChart.of("oversight.chart.satisfaction", rows, AssociationIndicators::satisfactionAverage),
					BarChart.of("oversight.chart.acknowledged", rows, AssociationIndicators::acknowledgedStaff)));
			return "oversight/associations";
		});
	}

	@GetMapping("/oversight/associations.csv")
	Mono<ResponseEntity<byte[]>> csv(@AuthenticationPrincipal StaffMember viewer,
			@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String licenceAuthority) {
		return api.associationsCsv(viewer, region, licenceAuthority);
	}

	private static List<String> distinct(List<AssociationIndicators> rows,
			Function<AssociationIndicators, @Nullable String> field) {
		return rows.stream()
			.map(field)
			.filter(Objects::nonNull)
			.filter(value -> !value.isBlank())
			.distinct()
			.sorted()
			.toList();
	}

}
