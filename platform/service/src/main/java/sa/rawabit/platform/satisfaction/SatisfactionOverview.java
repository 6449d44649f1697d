package sa.rawabit.platform.satisfaction;

import java.util.List;

import org.jspecify.annotations.Nullable;
import sa.rawabit.platform.policy.LoadedPolicy;
import sa.rawabit.policy.Text;

/**
 * What the satisfaction page and the evidence pack show of one association.
 *
 * @param months the last twelve months, oldest first, months without invitations included
 * as zeros
 * @param latest the latest record of each instrument and of the complaints-link log
 * @param campaigns the questionnaire campaigns run online, newest first, with their
 * results
 */
public record SatisfactionOverview(@Nullable LoadedPolicy policy, List<MonthlyResult> months, SurveyTotals totals,
		List<InstrumentStatus> instruments, List<SatisfactionRecord> latest, List<CampaignResult> campaigns) {

	public SatisfactionOverview {
		months = List.copyOf(months);
		instruments = List.copyOf(instruments);
		latest = List.copyOf(latest);
		campaigns = List.copyOf(campaigns);
	}

	/**
	 * The instrument's names in the policy, or null (the complaints-link log, an
	 * instrument since removed).
	 */
	public @Nullable Text nameOf(String subject) {
		return instruments.stream()
			.filter(status -> status.instrument().id().value().equals(subject))
			.map(status -> status.instrument().names())
			.findFirst()
			.orElse(null);
	}
}
