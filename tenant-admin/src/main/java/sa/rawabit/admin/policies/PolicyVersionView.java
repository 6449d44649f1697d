package sa.rawabit.admin.policies;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import sa.rawabit.policy.PolicyDate;

/** A version as the API shows it; the source only when one version is asked for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PolicyVersionView(UUID id, int number, String status, String sha256, String createdBy, Instant createdAt,
		@Nullable String publishedBy, @Nullable Instant publishedAt, @Nullable Instant supersededAt,
		@Nullable Approval approval, @Nullable String source) {

	record Approval(String body, @Nullable String meeting, @Nullable String session, String calendar,
			String writtenDate, LocalDate gregorianDate, String hijriDate) {
	}

	static PolicyVersionView summary(PolicyVersion version) {
		return of(version, null);
	}

	static PolicyVersionView detail(PolicyVersion version) {
		return of(version, version.source());
	}

	private static PolicyVersionView of(PolicyVersion version, @Nullable String source) {
		BoardApproval board = version.approval();
		Approval approval = board == null ? null
				: new Approval(board.body(), board.meeting(), board.session(),
						board.date() instanceof PolicyDate.Hijri ? "hijri" : "gregorian", written(board.date()),
						board.date().toGregorian(), hijri(board.date()));
		return new PolicyVersionView(version.id().value(), version.number(), version.status().column(),
				version.sha256(), version.createdBy(), version.createdAt(), version.publishedBy(),
				version.publishedAt(), version.supersededAt(), approval, source);
	}

	private static String written(PolicyDate date) {
		return date instanceof PolicyDate.Hijri h ? "%04d-%02d-%02d".formatted(h.year(), h.month(), h.day())
				: date.toGregorian().toString();
	}

	private static String hijri(PolicyDate date) {
		var h = date.toHijri();
		return "%04d-%02d-%02d".formatted(h.get(java.time.temporal.ChronoField.YEAR),
				h.get(java.time.temporal.ChronoField.MONTH_OF_YEAR),
				h.get(java.time.temporal.ChronoField.DAY_OF_MONTH));
	}
}
