package sa.rawabit.platform.requests;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.platform.requests.StepViews.Vote;
import sa.rawabit.policy.Committee;
import sa.rawabit.policy.VotingRule;

/**
 * What a committee's votes decide, by the policy's rule. With {@code committees} settings
 * the minutes name who attended: the quorum counts them (not the ballots), at most the
 * committee's size attend, only those present vote, the chair (the policy's chair role,
 * when it names one) records the decision, and the rule decides — a majority of those
 * present, or all of them. Without settings the older reading holds: the stage's quorum
 * of ballots, the majority of ballots, a tie refused.
 */
record CommitteeRuling(Outcome outcome, int quorum, List<String> attendees, int approvals, int rejections,
		@Nullable String rule, @Nullable String chair) {

	static final ProblemType NOT_DECIDED = new ProblemType("committee-not-decided", HttpStatus.CONFLICT,
			"The committee's votes do not make a decision under the policy's rule",
			"أصوات اللجنة لا تصنع قرارًا وفق قاعدة السياسة");

	static final ProblemType ATTENDANCE = new ProblemType("committee-attendance", HttpStatus.UNPROCESSABLE_CONTENT,
			"The minutes' attendance does not fit the committee the policy sets",
			"الحضور في المحضر لا يطابق اللجنة كما حددتها السياسة");

	static CommitteeRuling of(@Nullable Committee committee, int fallbackQuorum, List<Vote> votes,
			List<String> attendance, StaffMember recorder) {
		long approvals = votes.stream().filter(v -> v.vote().equals("approve")).count();
		long rejections = votes.size() - approvals;
		if (committee == null) {
			return byBallots(fallbackQuorum, votes, (int) approvals, (int) rejections);
		}
		Set<String> present = new LinkedHashSet<>(attendance);
		checkAttendance(committee, present, votes, recorder);
		int needed = present.size() / 2 + 1;
		Outcome outcome = switch (committee.voting()) {
			case MAJORITY_OF_PRESENT ->
				approvals >= needed ? Outcome.APPROVED : rejections >= needed ? Outcome.REJECTED : null;
			case UNANIMITY ->
				approvals == present.size() ? Outcome.APPROVED : rejections == present.size() ? Outcome.REJECTED : null;
		};
		if (outcome == null) {
			boolean unanimity = committee.voting() == VotingRule.UNANIMITY;
			throw new ProblemException(NOT_DECIDED,
					unanimity
							? "Unanimity of the " + present.size() + " present is needed; " + approvals + " approve, "
									+ rejections + " reject"
							: needed + " of the " + present.size() + " present must agree; " + approvals + " approve, "
									+ rejections + " reject",
					unanimity
							? "يلزم إجماع الحاضرين (" + present.size() + ")؛ موافق " + approvals + " ورافض "
									+ rejections
							: "يلزم اتفاق " + needed + " من الحاضرين (" + present.size() + ")؛ موافق " + approvals
									+ " ورافض " + rejections,
					"votes");
		}
		return new CommitteeRuling(outcome, committee.quorum(), List.copyOf(new TreeSet<>(present)), (int) approvals,
				(int) rejections, committee.voting().key(), recorder.username());
	}

	private static void checkAttendance(Committee committee, Set<String> present, List<Vote> votes,
			StaffMember recorder) {
		if (present.size() < committee.quorum()) {
			throw attendance("The committee's quorum is " + committee.quorum() + "; " + present.size() + " attended",
					"نصاب اللجنة " + committee.quorum() + " وحضر " + present.size());
		}
		if (present.size() > committee.size()) {
			throw attendance("The committee has " + committee.size() + " members; " + present.size() + " are listed",
					"أعضاء اللجنة " + committee.size() + " والمذكورون في المحضر " + present.size());
		}
		List<String> absentVoters = new ArrayList<>();
		votes.stream().map(Vote::member).filter(member -> !present.contains(member)).forEach(absentVoters::add);
		if (!absentVoters.isEmpty()) {
			throw attendance("Only members present vote; not listed as present: " + String.join(", ", absentVoters),
					"لا يصوّت إلا الحاضرون؛ غير مذكورين في الحضور: " + String.join("، ", absentVoters));
		}
		if (!present.contains(recorder.username())
				|| committee.chair() != null && !recorder.hasRole(committee.chair().value())) {
			throw attendance("The chair records the decision and must be among those present",
					"يسجّل رئيس اللجنة القرار ويجب أن يكون من الحاضرين");
		}
	}

	private static CommitteeRuling byBallots(int quorum, List<Vote> votes, int approvals, int rejections) {
		if (votes.size() < quorum) {
			throw RequestDesk.illegal("The committee's quorum is " + quorum + "; " + votes.size() + " voted",
					"نصاب اللجنة " + quorum + " وصوّت " + votes.size());
		}
		if (approvals == rejections) {
			throw RequestDesk.illegal("The votes are tied; the committee must settle it",
					"تعادلت الأصوات، وعلى اللجنة الحسم");
		}
		return new CommitteeRuling(approvals > rejections ? Outcome.APPROVED : Outcome.REJECTED, quorum,
				List.copyOf(new TreeSet<>(votes.stream().map(Vote::member).toList())), approvals, rejections, null,
				null);
	}

	private static ProblemException attendance(String en, String ar) {
		return new ProblemException(ATTENDANCE, en, ar, "attendees");
	}
}
