package sa.rawabit.platform.satisfaction;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.security.StaffMember;

/** Questionnaire campaigns as JSON: the same service as the page. */
@RestController
@RequestMapping("/api/satisfaction/campaigns")
class CampaignsController {

	private final SurveyCampaigns campaigns;

	private final SatisfactionJournal journal;

	CampaignsController(SurveyCampaigns campaigns, SatisfactionJournal journal) {
		this.campaigns = campaigns;
		this.journal = journal;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Campaign> launch(@AuthenticationPrincipal StaffMember me, @RequestBody NewCampaign campaign) {
		return campaigns.launch(me, campaign);
	}

	/** The campaigns with their results, for whoever may read the satisfaction page. */
	@GetMapping
	Mono<List<CampaignResult>> results(@AuthenticationPrincipal StaffMember me) {
		return journal.overview(me).map(SatisfactionOverview::campaigns);
	}

}
