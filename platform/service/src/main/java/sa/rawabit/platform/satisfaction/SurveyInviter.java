package sa.rawabit.platform.satisfaction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.time.TimeProperties;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.beneficiaries.BeneficiaryRegistry;
import sa.rawabit.platform.complaints.ComplaintContacts;
import sa.rawabit.platform.complaints.ComplaintId;
import sa.rawabit.platform.complaints.ComplaintResolved;
import sa.rawabit.platform.messaging.BeneficiaryMessenger;
import sa.rawabit.platform.messaging.Recipient;
import sa.rawabit.platform.messaging.Outgoing;
import sa.rawabit.platform.notifications.Reaction;
import sa.rawabit.platform.policy.LoadedPolicy;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.platform.requests.RequestBeneficiaries;
import sa.rawabit.platform.requests.RequestClosed;
import sa.rawabit.platform.requests.RequestId;
import sa.rawabit.policy.RoleKey;
import sa.rawabit.policy.Satisfaction;

/**
 * Invites the beneficiary to the post-case survey when a complaint is resolved or
 * settled, or a request closes — reacting to {@link ComplaintResolved} and
 * {@link RequestClosed}, so neither module knows of this one. The invitation row and its
 * message are written in one transaction and the row is unique per case: a repeated event
 * (a retry, a second replica after a lease ran out) changes nothing.
 */
@Component
class SurveyInviter {

	/**
	 * The purpose of every invitation message, by which {@link InvitationOutcomes} knows
	 * its own.
	 */
	static final String PURPOSE = "survey.invitation";

	private final PoliciesInForce policies;

	private final Invitations invitations;

	private final Transactions transactions;

	private final ComplaintContacts complaints;

	private final RequestBeneficiaries requests;

	private final BeneficiaryRegistry beneficiaries;

	private final BeneficiaryMessenger messenger;

	private final SatisfactionProperties properties;

	private final Clock clock;

	private final TimeProperties time;

	SurveyInviter(PoliciesInForce policies, Invitations invitations, Transactions transactions,
			ComplaintContacts complaints, RequestBeneficiaries requests, BeneficiaryRegistry beneficiaries,
			BeneficiaryMessenger messenger, SatisfactionProperties properties, Clock clock, TimeProperties time) {
		this.time = time;
		this.policies = policies;
		this.invitations = invitations;
		this.transactions = transactions;
		this.complaints = complaints;
		this.requests = requests;
		this.beneficiaries = beneficiaries;
		this.messenger = messenger;
		this.properties = properties;
		this.clock = clock;
	}

	@Component
	static class OnComplaintResolved implements Reaction<ComplaintResolved> {

		private final SurveyInviter inviter;

		OnComplaintResolved(SurveyInviter inviter) {
			this.inviter = inviter;
		}

		@Override
		public String name() {
			return "satisfaction.survey-on-complaint-resolved";
		}

		@Override
		public Class<ComplaintResolved> event() {
			return ComplaintResolved.class;
		}

		@Override
		public Mono<Void> react(Reacted<ComplaintResolved> resolved) {
			return inviter.invite(resolved.tenant(), CaseKind.COMPLAINT, resolved.event().complaint().value());
		}

	}

	@Component
	static class OnRequestClosed implements Reaction<RequestClosed> {

		private final SurveyInviter inviter;

		OnRequestClosed(SurveyInviter inviter) {
			this.inviter = inviter;
		}

		@Override
		public String name() {
			return "satisfaction.survey-on-request-closed";
		}

		@Override
		public Class<RequestClosed> event() {
			return RequestClosed.class;
		}

		@Override
		public Mono<Void> react(Reacted<RequestClosed> closed) {
			return inviter.invite(closed.tenant(), CaseKind.REQUEST, closed.event().request().value());
		}

	}

	private Mono<Void> invite(TenantId tenant, CaseKind kind, UUID caseId) {
		return policies.inForce(tenant)
			.flatMap(loaded -> expiry(loaded).map(days -> invite(loaded, kind, caseId, days).then())
				.orElse(Mono.empty()))
			.contextWrite(TenantContext.of(tenant));
	}

	private Mono<SurveyToken> invite(LoadedPolicy loaded, CaseKind kind, UUID caseId, Duration valid) {
		return recipient(kind, caseId).flatMap(to -> create(loaded, kind, caseId, to, valid));
	}

	/**
	 * Creates the case's invitation and queues its link, in one transaction (the tenant
	 * in the Reactor Context). Empty when the case already has one: that one's message
	 * was queued with it.
	 */
	Mono<SurveyToken> create(LoadedPolicy loaded, CaseKind kind, UUID caseId, Recipient to, Duration valid) {
		SurveyToken token = SurveyToken.random();
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		// Top management follows satisfaction up, and so sees an invitation that could
		// not be sent.
		var message = new Outgoing(PURPOSE, id, kind.column(), caseId, Set.of(RoleKey.TOP_MANAGEMENT.value()), to,
				subject(loaded), text(loaded, kind, token, now.plus(valid)));
		return transactions.inTenant(invitations.create(id, kind, caseId, token, to.channel(), now, now.plus(valid))
			.filter(created -> created)
			.flatMap(created -> messenger.tell(message))
			.flatMap(told -> invitations.delivered(id, told.channel(), told.outcome()).thenReturn(token)));
	}

	/**
	 * The policy decides; a policy silent on satisfaction gets the platform's default.
	 */
	Optional<Duration> expiry(LoadedPolicy loaded) {
		Satisfaction satisfaction = loaded.policy().satisfaction();
		if (satisfaction == null) {
			return properties.surveyWithoutPolicySection() ? Optional.of(Duration.ofDays(properties.expiryDays()))
					: Optional.empty();
		}
		Satisfaction.PostCaseSurvey survey = satisfaction.postCaseSurvey();
		if (!survey.enabled()) {
			return Optional.empty();
		}
		return Optional.of(Duration.ofDays(survey.expiresAfterDays()));
	}

	/**
	 * A request's beneficiary on the channel agreed with them; a complaint's filer at the
	 * contact they left on it to be answered (an address with {@code @} is e-mail,
	 * anything else a phone number).
	 */
	private Mono<Recipient> recipient(CaseKind kind, UUID caseId) {
		if (kind == CaseKind.COMPLAINT) {
			return complaints.contactOf(new ComplaintId(caseId))
				.map(contact -> contact.contains("@") ? new Recipient("email", null, contact.strip(), true)
						: new Recipient("phone", contact.strip(), null, true));
		}
		return requests.of(new RequestId(caseId))
			.flatMap(filed -> beneficiaries.find(filed.beneficiary())
				.map(person -> new Recipient(
						person.contactChannel() == null ? filed.channel() : person.contactChannel(), person.phone(),
						person.email(), person.consentGiven())));
	}

	private static String subject(LoadedPolicy loaded) {
		return "رأيكم يهمنا — " + loaded.policy().association().names().ar();
	}

	private String text(LoadedPolicy loaded, CaseKind kind, SurveyToken token, Instant expires) {
		String link = properties.surveyLink(loaded.policy().association().slug(), token);
		String what = kind == CaseKind.COMPLAINT ? "شكواكم" : "طلبكم";
		return loaded.policy().association().names().ar() + ": انتهينا من " + what
				+ ". نرجو تقييم الخدمة من 1 إلى 5 عبر الرابط (يُستخدم مرة واحدة ويعمل حتى " + time.day(expires) + "): "
				+ link;
	}

}
