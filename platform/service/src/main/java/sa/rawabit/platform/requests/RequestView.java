package sa.rawabit.platform.requests;

import java.util.List;

import org.jspecify.annotations.Nullable;
import sa.rawabit.platform.audit.AuditEvent;
import sa.rawabit.platform.requests.StepViews.Attachment;
import sa.rawabit.platform.requests.StepViews.Decision;
import sa.rawabit.platform.requests.StepViews.Declaration;
import sa.rawabit.platform.requests.StepViews.Message;
import sa.rawabit.platform.requests.StepViews.Referral;
import sa.rawabit.platform.requests.StepViews.Vote;

/** A request with everything its steps left behind and its audit trail, for the case screen. */
record RequestView(BeneficiaryRequest request, List<RequestDeadline> deadlines, List<Declaration> declarations,
		List<Referral> referrals, List<Vote> votes, @Nullable Decision decision, List<Attachment> attachments,
		List<Message> messages, List<AuditEvent> history) {
}
