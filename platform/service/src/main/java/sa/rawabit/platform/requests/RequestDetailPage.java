package sa.rawabit.platform.requests;

import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.problem.FormErrors;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.foundation.time.TimeProperties;
import sa.rawabit.platform.audit.ActorNames;
import sa.rawabit.platform.beneficiaries.BeneficiaryRegistry;
import sa.rawabit.platform.beneficiaries.Confidentiality;

/**
 * One request's page as the member sees it now: its facts, clocks, attachments, the forms
 * open to them and its timeline. Shared by the pages that act on a request, so each shows
 * its refusal inline on the same page ({@code failedAction} names the form that caused
 * it).
 */
@Component
class RequestDetailPage {

	private final RequestQueues queues;

	private final RequestDesk desk;

	private final BeneficiaryRegistry registry;

	private final Confidentiality confidentiality;

	private final Clock clock;

	private final TimeProperties time;

	private final RequestsProperties properties;

	RequestDetailPage(RequestQueues queues, RequestDesk desk, BeneficiaryRegistry registry,
			Confidentiality confidentiality, Clock clock, TimeProperties time, RequestsProperties properties) {
		this.properties = properties;
		this.queues = queues;
		this.desk = desk;
		this.registry = registry;
		this.confidentiality = confidentiality;
		this.clock = clock;
		this.time = time;
	}

	Mono<String> render(StaffMember me, RequestId id, @Nullable String failedAction, @Nullable ProblemException problem,
			ActionForm form, Model model) {
		me.requireTenant();
		model.addAttribute("me", me);
		model.addAttribute("today", time.day(clock.instant()));
		model.addAttribute("failedAction", failedAction);
		model.addAttribute("problem", problem);
		model.addAttribute("errors", FormErrors.of(problem));
		model.addAttribute("form", form);
		model.addAttribute("attachmentMaxKb", properties.attachmentMaxSize().toKilobytes());
		return queues.view(id, me).flatMap(view -> desk.policyOf(me, view.request()).flatMap(policy -> {
			Route route = Route.of(policy.policy());
			model.addAttribute("view", view);
			model.addAttribute("names", ActorNames.from(view.history()));
			model.addAttribute("request", view.request());
			model.addAttribute("policy", policy.policy());
			model.addAttribute("policyNumber", policy.number());
			model.addAttribute("service",
					policy.policy().service(new sa.rawabit.policy.ServiceId(view.request().serviceId())).orElse(null));
			model.addAttribute("channel",
					policy.policy().channel(new sa.rawabit.policy.ChannelId(view.request().channel())).orElse(null));
			model.addAttribute("stage",
					view.request().stageId() == null ? null : route.stage(view.request().stageId()));
			model.addAttribute("actions", Actions.available(view.request(), route, me));
			model.addAttribute("mayAttach", Attachments.refusal(view.request(), route, me) == null);
			return confidentiality.maskedFor(me)
				.flatMap(masked -> registry.find(view.request().beneficiaryId()).map(person -> person.masked(masked)))
				.doOnNext(person -> model.addAttribute("beneficiary", person));
		})).thenReturn("requests/detail");
	}

}
