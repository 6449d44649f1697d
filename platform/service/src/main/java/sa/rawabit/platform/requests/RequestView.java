package sa.rawabit.platform.requests;

import java.util.List;

import org.jspecify.annotations.Nullable;
import sa.rawabit.platform.audit.AuditEvent;
import sa.rawabit.platform.requests.Records.Attachment;
import sa.rawabit.platform.requests.Records.Decision;
import sa.rawabit.platform.requests.Records.Declaration;
import sa.rawabit.platform.requests.Records.Message;
import sa.rawabit.platform.requests.Records.Referral;
import sa.rawabit.platform.requests.Records.Vote;

/** A request with everything its steps left behind and its audit trail, for the case screen. */
record RequestView(BeneficiaryRequest request, List<RequestDeadline> deadlines, List<Declaration> declarations,
		List<Referral> referrals, List<Vote> votes, @Nullable Decision decision, List<Attachment> attachments,
		List<Message> messages, List<AuditEvent> history) {
}
