package sa.rawabit.platform.evidence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import sa.rawabit.platform.requests.DeadlineCompliance.Figure;
import sa.rawabit.platform.satisfaction.CampaignResult;
import sa.rawabit.platform.satisfaction.SatisfactionRecord;

/**
 * The pack's figures as CSV (section, item, value), UTF-8 with a byte order mark so
 * spreadsheet programs open the Arabic names correctly. Values are the same the page
 * shows.
 */
final class EvidenceCsv {

	private EvidenceCsv() {
	}

	static byte[] write(EvidencePack pack) {
		List<String> lines = new ArrayList<>();
		lines.add("section,item,value");
		lines.add(line("association", "slug", pack.association().slug()));
		lines.add(line("association", "name", pack.association().nameAr()));
		lines.add(line("association", "prepared_at", pack.preparedAt().toString()));
		if (pack.policy() != null) {
			lines.add(line("policy", "version", Integer.toString(pack.policy().number())));
			lines.add(line("policy", "published_at", pack.policy().publishedAt().toString()));
			var approval = pack.policy().policy().approval();
			if (approval != null && approval.date() != null) {
				lines.add(line("policy", "approved_on", approval.date().toGregorian().toString()));
				lines.add(line("policy", "approved_on_hijri", approval.date().toHijri().toString()));
			}
			pack.policy()
				.policy()
				.channels()
				.forEach(channel -> lines.add(line("channels", channel.id().value(), "enabled")));
		}
		lines.add(line("complaints", "public_link", pack.complaintLink() == null ? "" : pack.complaintLink()));
		lines.add(line("complaints", "public_link_live", Boolean.toString(pack.complaintLinkLive())));
		lines.add(line("complaints", "filed", Long.toString(pack.complaints().filed())));
		lines.add(line("complaints", "closed", Long.toString(pack.complaints().closed())));
		lines.add(line("complaints", "open", Long.toString(pack.complaints().open())));
		lines.add(line("complaints", "escalated", Long.toString(pack.complaints().escalated())));
		for (Figure figure : pack.deadlines()) {
			lines.add(line("deadlines", figure.deadlineId() + ".cases", Long.toString(figure.cases())));
			lines.add(line("deadlines", figure.deadlineId() + ".within", Long.toString(figure.withinDeadline())));
		}
		var survey = pack.satisfaction().totals();
		lines.add(line("satisfaction", "survey_reached_12_months", Long.toString(survey.reached())));
		lines.add(line("satisfaction", "survey_answered_12_months", Long.toString(survey.answered())));
		lines.add(line("satisfaction", "survey_response_rate_percent",
				survey.responseRatePercent() == null ? "" : survey.responseRatePercent().toString()));
		lines.add(line("satisfaction", "survey_average_rating",
				survey.averageText() == null ? "" : survey.averageText()));
		for (SatisfactionRecord record : pack.satisfaction().latest()) {
			lines.add(line("satisfaction", record.subject() + ".last_held_on", record.heldOn().toString()));
			lines.add(line("satisfaction", record.subject() + ".findings", record.findings()));
			lines.add(line("satisfaction", record.subject() + ".actions",
					record.actions() == null ? "" : record.actions()));
		}
		for (CampaignResult result : pack.satisfaction().campaigns()) {
			String campaign = "campaign." + result.campaign().id();
			lines.add(line("satisfaction", campaign + ".title", result.campaign().title()));
			lines.add(line("satisfaction", campaign + ".instrument", result.campaign().instrumentId()));
			lines.add(line("satisfaction", campaign + ".closes_on", result.campaign().closesOn().toString()));
			lines.add(line("satisfaction", campaign + ".invited", Integer.toString(result.campaign().invited())));
			lines.add(line("satisfaction", campaign + ".reached", Long.toString(result.reached())));
			lines.add(line("satisfaction", campaign + ".responses", Long.toString(result.responses())));
			lines.add(line("satisfaction", campaign + ".average_rating",
					result.averageText() == null ? "" : result.averageText()));
		}
		if (pack.acknowledgements() != null) {
			lines.add(line("acknowledgement", "acknowledged", Long.toString(pack.acknowledgements().acknowledged())));
			lines.add(line("acknowledgement", "known_staff", Long.toString(pack.acknowledgements().known())));
		}
		String text = "\uFEFF" + String.join("\r\n", lines) + "\r\n";
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String line(String section, String item, String value) {
		return cell(section) + "," + cell(item) + "," + cell(value);
	}

	/**
	 * Quoted when needed; a leading = + - @ is neutralised so a spreadsheet never runs it
	 * as a formula.
	 */
	private static String cell(String text) {
		String safe = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
		boolean quoted = safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r");
		return quoted ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
	}

}
