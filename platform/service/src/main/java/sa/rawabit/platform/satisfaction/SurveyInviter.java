package sa.rawabit.platform.satisfaction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.lifecycle.BackgroundSubscription;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.platform.beneficiaries.BeneficiaryRegistry;
import sa.rawabit.platform.complaints.ComplaintContacts;
import sa.rawabit.platform.complaints.ComplaintId;
import sa.rawabit.platform.messaging.BeneficiaryMessenger;
import sa.rawabit.platform.messaging.Recipient;
import sa.rawabit.platform.notifications.CommittedEvent;
import sa.rawabit.platform.notifications.CommittedEvents;
import sa.rawabit.platform.policy.LoadedPolicy;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.platform.requests.RequestBeneficiaries;
import sa.rawabit.platform.requests.RequestId;
import sa.rawabit.policy.Satisfaction;

/**
 * Invites the beneficiary to the post-case survey when a complaint is resolved or settled, or a request
 * closes — heard from the outbox, so neither module knows of this one. The invitation row comes first
 * and is unique per case: of several replicas hearing the same event, only the one that created it
 * sends the link, after its transaction committed.
 */
@Component
class SurveyInviter extends BackgroundSubscription {

	private static final int QUEUE = 10_000;

	private final CommittedEvents events;

	private final PoliciesInForce policies;

	private final Invitations invitations;

	private final Transactions transactions;

	private final ComplaintContacts complaints;

	private final RequestBeneficiaries requests;

	private final BeneficiaryRegistry beneficiaries;

	private final BeneficiaryMessenger messenger;

	private final SatisfactionProperties properties;

	private final Clock clock;

	SurveyInviter(CommittedEvents events, PoliciesInForce policies, Invitations invitations,
			Transactions transactions, ComplaintContacts complaints, RequestBeneficiaries requests,
			BeneficiaryRegistry beneficiaries, BeneficiaryMessenger messenger, SatisfactionProperties properties,
			Clock clock) {
		this.events = events;
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

	@Override
	protected Disposable subscribe() {
		return events.react("post-case survey", topic -> topic.startsWith("complaint.") || topic.startsWith("request."),
				SurveyInviter::closesCase, QUEUE, this::invite);
	}

	/** A complaint's final answers, and a request's move to closed (served, or refused with reasons). */
	static boolean closesCase(CommittedEvent event) {
		return switch (event.topic()) {
			case "complaint.resolved", "complaint.settled" -> true;
			default -> event.topic().startsWith("request.") && "closed".equals(event.payload().path("status").asString(""));
		};
	}

	private Mono<Void> invite(CommittedEvent event) {
		CaseKind kind = event.topic().startsWith("complaint.") ? CaseKind.COMPLAINT : CaseKind.REQUEST;
		return policies.inForce(event.tenant())
			.flatMap(loaded -> expiry(loaded).map(days -> invite(loaded, kind, event.subjectId(), days).then())
				.orElse(Mono.empty()))
			.contextWrite(TenantContext.of(event.tenant()));
	}

	private Mono<SurveyToken> invite(LoadedPolicy loaded, CaseKind kind, UUID caseId, Duration valid) {
		return recipient(kind, caseId).flatMap(to -> create(loaded, kind, caseId, to, valid));
	}

	/**
	 * Creates the case's invitation and sends its link (the tenant in the Reactor Context). Empty when
	 * the case already has one: whoever created that one sent it.
	 */
	Mono<SurveyToken> create(LoadedPolicy loaded, CaseKind kind, UUID caseId, Recipient to, Duration valid) {
		SurveyToken token = SurveyToken.random();
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		return transactions.inTenant(invitations.create(id, kind, caseId, token, to.channel(), now, now.plus(valid)))
			.filter(created -> created)
			.flatMap(created -> messenger.tell(to, subject(loaded), text(loaded, kind, token, now.plus(valid))))
			.flatMap(told -> transactions.inTenant(invitations.delivered(id, told.channel(), told.outcome()))
				.thenReturn(token));
	}

	/** The policy decides; a policy silent on satisfaction gets the platform's default. */
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
	 * A request's beneficiary on the channel agreed with them; a complaint's filer at the contact they
	 * left on it to be answered (an address with {@code @} is e-mail, anything else a phone number).
	 */
	private Mono<Recipient> recipient(CaseKind kind, UUID caseId) {
		if (kind == CaseKind.COMPLAINT) {
			return complaints.contactOf(new ComplaintId(caseId))
				.map(contact -> contact.contains("@") ? new Recipient("email", null, contact.strip(), true)
						: new Recipient("phone", contact.strip(), null, true));
		}
		return requests.of(new RequestId(caseId))
			.flatMap(filed -> beneficiaries.find(filed.beneficiary())
				.map(person -> new Recipient(person.contactChannel() == null ? filed.channel() : person.contactChannel(),
						person.phone(), person.email(), person.consentGiven())));
	}

	private static String subject(LoadedPolicy loaded) {
		return "رأيكم يهمنا — " + loaded.policy().association().names().ar();
	}

	private String text(LoadedPolicy loaded, CaseKind kind, SurveyToken token, Instant expires) {
		String link = properties.surveyLink(loaded.policy().association().slug(), token);
		String what = kind == CaseKind.COMPLAINT ? "شكواكم" : "طلبكم";
		return loaded.policy().association().names().ar() + ": انتهينا من " + what
				+ ". نرجو تقييم الخدمة من 1 إلى 5 عبر الرابط (يُستخدم مرة واحدة ويعمل حتى "
				+ expires.atZone(java.time.ZoneId.of("Asia/Riyadh")).toLocalDate() + "): " + link;
	}
}
