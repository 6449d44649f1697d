package sa.rawabit.platform.satisfaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.time.TimeProperties;
import sa.rawabit.platform.beneficiaries.Beneficiary;
import sa.rawabit.platform.beneficiaries.BeneficiaryId;
import sa.rawabit.platform.beneficiaries.BeneficiaryRegistry;
import sa.rawabit.platform.messaging.Recipient;
import sa.rawabit.platform.requests.RequestBeneficiaries;
import sa.rawabit.platform.requests.RequestBeneficiaries.Filed;

/**
 * Whom a questionnaire campaign of {@link SurveyCampaigns} asks, and on which channel:
 * decided from the beneficiaries and their closed requests before anything is stored, so
 * a campaign nobody can be reached in is refused whole. In the caller's tenant
 * transaction.
 */
@Component
class CampaignAudience {

	/**
	 * One beneficiary to invite: the invitation's id, where to send, the link's token.
	 */
	record Invitee(UUID id, BeneficiaryId beneficiary, Recipient to, SurveyToken token) {
	}

	/** Those invited, and how many were left out for want of an address. */
	record Audience(List<Invitee> invitees, int unreachable) {
	}

	private final RequestBeneficiaries requests;

	private final BeneficiaryRegistry beneficiaries;

	private final TimeProperties time;

	CampaignAudience(RequestBeneficiaries requests, BeneficiaryRegistry beneficiaries, TimeProperties time) {
		this.requests = requests;
		this.beneficiaries = beneficiaries;
		this.time = time;
	}

	/**
	 * Who is asked: beneficiaries whose request closed within the months (on their agreed
	 * channel, else the request's), and/or every one with an agreed channel; each once,
	 * only with consent. Those whose channel has no address (or is one staff use in
	 * person: a link cannot be handed over there) are counted as unreachable and not
	 * invited.
	 */
	Mono<Audience> of(Campaign asked) {
		Mono<Map<BeneficiaryId, String>> closed = asked.closedWithinMonths() == null ? Mono.just(Map.of())
				: requests
					.closedSince(
							asked.launchedAt().atZone(time.zone()).minusMonths(asked.closedWithinMonths()).toInstant())
					.collectMap(Filed::beneficiary, Filed::channel);
		return closed.flatMap(recent -> beneficiaries.all().collectList().map(everyone -> {
			List<Invitee> invitees = new ArrayList<>();
			int unreachable = 0;
			for (Beneficiary person : everyone) {
				Optional<String> channel = channel(asked, person, recent.get(person.id()));
				if (!person.consentGiven() || channel.isEmpty()) {
					continue;
				}
				Recipient to = new Recipient(channel.get(), person.phone(), person.email(), true);
				if (reachable(to)) {
					invitees.add(new Invitee(UUID.randomUUID(), person.id(), to, SurveyToken.random()));
				}
				else {
					unreachable++;
				}
			}
			if (invitees.isEmpty()) {
				throw ProblemException.invalidField("audience", "Nobody in this audience can be reached",
						"لا يوجد في هذه الفئة مستفيد يمكن الوصول إليه");
			}
			return new Audience(invitees, unreachable);
		}));
	}

	private static Optional<String> channel(Campaign asked, Beneficiary person, @Nullable String closedOn) {
		if (closedOn != null) {
			return Optional.of(person.contactChannel() == null ? closedOn : person.contactChannel());
		}
		return asked.allRegistered() ? Optional.ofNullable(person.contactChannel()) : Optional.empty();
	}

	private static boolean reachable(Recipient to) {
		return switch (to.channel()) {
			case "email" -> to.email() != null && !to.email().isBlank();
			case "phone" -> to.phone() != null && !to.phone().isBlank();
			default -> false;
		};
	}

}
