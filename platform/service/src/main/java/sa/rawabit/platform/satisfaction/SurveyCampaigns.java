package sa.rawabit.platform.satisfaction;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.problem.FieldChecks;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.foundation.time.TimeProperties;
import sa.rawabit.platform.messaging.BeneficiaryMessenger;
import sa.rawabit.platform.messaging.Outgoing;
import sa.rawabit.platform.policy.LoadedPolicy;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.platform.policy.PolicyAcknowledgements;
import sa.rawabit.policy.InstrumentKind;
import sa.rawabit.policy.RoleKey;
import sa.rawabit.policy.Satisfaction.Instrument;

/**
 * Runs the policy's questionnaires online: top management launches a campaign, which in
 * one transaction stores it and one invitation per beneficiary of its audience (chosen by
 * {@link CampaignAudience}), then (after commit) sends each link through the same
 * messaging port as the post-case survey. Needs the association in the Reactor Context.
 */
@Service
class SurveyCampaigns {

	static final int TITLE_MAX = 200;

	static final int QUESTION_MAX = 1000;

	static final int MONTHS_MAX = 36;

	static final int LIST_SIZE = 50;

	private final PoliciesInForce policies;

	private final PolicyAcknowledgements acknowledgements;

	private final Transactions transactions;

	private final Campaigns campaigns;

	private final Invitations invitations;

	private final CampaignAudience audience;

	private final BeneficiaryMessenger messenger;

	private final SatisfactionProperties properties;

	private final Clock clock;

	private final TimeProperties time;

	SurveyCampaigns(PoliciesInForce policies, PolicyAcknowledgements acknowledgements, Transactions transactions,
			Campaigns campaigns, Invitations invitations, CampaignAudience audience, BeneficiaryMessenger messenger,
			SatisfactionProperties properties, Clock clock, TimeProperties time) {
		this.time = time;
		this.policies = policies;
		this.acknowledgements = acknowledgements;
		this.transactions = transactions;
		this.campaigns = campaigns;
		this.invitations = invitations;
		this.audience = audience;
		this.messenger = messenger;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Launches a campaign of top management, gated by the policy acknowledgement.
	 * @throws ProblemException 400 naming each field at fault (an instrument that is not
	 * a questionnaire of the policy in force, a closing day in the past, an audience
	 * nobody in it can be reached in), 403 for anyone but top management or before
	 * acknowledging, 409 without a policy in force — and then nothing is stored
	 */
	Mono<Campaign> launch(StaffMember me, NewCampaign typed) {
		return Mono.defer(() -> {
			me.requireTenant();
			me.requireAnyRole(RoleKey.TOP_MANAGEMENT.value());
			TenantId tenant = Objects.requireNonNull(me.tenant());
			return policies.inForce(tenant)
				.switchIfEmpty(Mono.error(() -> new ProblemException(SatisfactionJournal.NO_POLICY,
						SatisfactionJournal.NO_POLICY.titleEn(), SatisfactionJournal.NO_POLICY.titleAr(), null)))
				.flatMap(loaded -> acknowledgements.requireAcknowledged(me).thenReturn(loaded))
				.flatMap(loaded -> {
					Campaign asked = checked(me, loaded, typed);
					return transactions
						.inTenant(audience.of(asked)
							.flatMap(invited -> store(asked, invited))
							.flatMap(launched -> queue(loaded, launched).thenReturn(launched)))
						.map(Launched::campaign);
				});
		});
	}

	/**
	 * The newest campaigns with their results, for whoever may read the satisfaction
	 * page.
	 */
	Flux<CampaignResult> results() {
		return transactions.inTenantMany(campaigns.results(LIST_SIZE));
	}

	/** The latest launch day (Riyadh) of each instrument run as a campaign. */
	Mono<Map<String, LocalDate>> lastLaunched() {
		return transactions.inTenantMany(campaigns.latestPerInstrument())
			.collectMap(Map.Entry::getKey, entry -> time.day(entry.getValue()));
	}

	/**
	 * A questionnaire is what the policy says is one ({@code kind: questionnaire}); a
	 * policy written before instruments had a kind is read by the instrument's id having
	 * the word {@code questionnaire}.
	 */
	static boolean questionnaire(Instrument instrument) {
		if (instrument.kind() != null) {
			return instrument.kind() == InstrumentKind.QUESTIONNAIRE;
		}
		return Arrays.asList(instrument.id().value().split("-")).contains("questionnaire");
	}

	static List<Instrument> questionnaires(@Nullable LoadedPolicy loaded) {
		return SatisfactionJournal.instruments(loaded).stream().filter(SurveyCampaigns::questionnaire).toList();
	}

	/**
	 * The campaign as asked, every field checked; counts are filled once the audience is
	 * known.
	 */
	Campaign checked(StaffMember me, LoadedPolicy loaded, NewCampaign typed) {
		String instrument = SatisfactionJournal.blankToNull(typed.instrument());
		boolean known = questionnaires(loaded).stream().anyMatch(found -> found.id().value().equals(instrument));
		String months = SatisfactionJournal.blankToNull(typed.closedWithinMonths());
		Integer within = months != null && months.matches("[0-9]{1,2}") ? Integer.valueOf(months) : null;
		boolean monthsValid = months == null || (within != null && within >= 1 && within <= MONTHS_MAX);
		LocalDate closesOn = SatisfactionJournal.date(typed.closesOn());
		LocalDate today = LocalDate.now(clock.withZone(time.zone()));
		new FieldChecks().check(instrument != null, "instrument", "Choose the questionnaire", "اختر الاستبانة")
			.check(instrument == null || known, "instrument", "Not a questionnaire of the policy in force",
					"ليست استبانة من أدوات القياس في السياسة النافذة")
			.required("title", typed.title(), TITLE_MAX)
			.required("question", typed.question(), QUESTION_MAX)
			.check(monthsValid, "closedWithinMonths", "A whole number of months from 1 to " + MONTHS_MAX,
					"عدد صحيح من الأشهر من 1 إلى " + MONTHS_MAX)
			.check(months != null || typed.everyoneRegistered(), "audience", "Choose at least one audience",
					"اختر فئة واحدة من المستفيدين على الأقل")
			.check(closesOn != null, "closesOn", "Give the closing date (YYYY-MM-DD)",
					"أدخل تاريخ الإغلاق (سنة-شهر-يوم)")
			.check(closesOn == null || !closesOn.isBefore(today), "closesOn", "The closing date is in the past",
					"تاريخ الإغلاق مضى")
			.check(closesOn == null || !closesOn.isAfter(today.plusYears(1)), "closesOn", "At most one year from today",
					"سنة من اليوم على الأكثر")
			.orThrow();
		Instant now = clock.instant();
		LocalDate closes = Objects.requireNonNull(closesOn);
		return new Campaign(UUID.randomUUID(), Objects.requireNonNull(instrument),
				Objects.requireNonNull(typed.title()).strip(), Objects.requireNonNull(typed.question()).strip(),
				monthsValid ? within : null, typed.everyoneRegistered(), closes, time.endOf(closes), me.username(), now,
				now, 0, 0);
	}

	private Mono<Launched> store(Campaign asked, CampaignAudience.Audience audience) {
		Campaign campaign = new Campaign(asked.id(), asked.instrumentId(), asked.title(), asked.question(),
				asked.closedWithinMonths(), asked.allRegistered(), asked.closesOn(), asked.expiresAt(),
				asked.createdBy(), asked.createdAt(), asked.launchedAt(), audience.invitees().size(),
				audience.unreachable());
		return campaigns.insert(campaign)
			.thenMany(Flux.fromIterable(audience.invitees())
				.concatMap(invitee -> invitations.createForCampaign(invitee.id(), campaign.id(),
						invitee.beneficiary().value(), invitee.token(), invitee.to().channel(), campaign.launchedAt(),
						campaign.expiresAt())))
			.then(Mono.just(new Launched(campaign, audience.invitees())));
	}

	/**
	 * Queues each invitee's link in the launch's transaction: sent by the messaging
	 * module once the campaign is committed, whatever becomes of the page's request; each
	 * invitation records what became of its link (an invitation left without is not
	 * counted as reached).
	 */
	private Mono<Void> queue(LoadedPolicy loaded, Launched launched) {
		String subject = "رأيكم يهمنا — " + loaded.policy().association().names().ar();
		return Flux.fromIterable(launched.invitees())
			.concatMap(invitee -> messenger
				.tell(new Outgoing(SurveyInviter.PURPOSE, invitee.id(), "campaign", launched.campaign().id(),
						Set.of(RoleKey.TOP_MANAGEMENT.value()), invitee.to(), subject,
						text(loaded, launched.campaign(), invitee.token())))
				.flatMap(told -> invitations.delivered(invitee.id(), told.channel(), told.outcome())))
			.then();
	}

	private String text(LoadedPolicy loaded, Campaign campaign, SurveyToken token) {
		return loaded.policy().association().names().ar() + ": " + campaign.title() + " — " + campaign.question()
				+ " نرجو التقييم من 1 إلى 5 عبر الرابط (يُستخدم مرة واحدة ويعمل حتى " + campaign.closesOn() + "): "
				+ properties.surveyLink(loaded.policy().association().slug(), token);
	}

	private record Launched(Campaign campaign, List<CampaignAudience.Invitee> invitees) {
	}

}
