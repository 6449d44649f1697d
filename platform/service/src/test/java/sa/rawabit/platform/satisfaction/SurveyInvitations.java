package sa.rawabit.platform.satisfaction;

import java.time.Duration;

import org.springframework.context.ApplicationContext;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.policy.PoliciesInForce;

/**
 * Survey invitations for tests outside this package (the fuzzers, issue 17): a policy
 * that enables the survey, and a one-time link's token issued as {@link SurveyInviter}
 * issues it.
 */
public final class SurveyInvitations {

	private SurveyInvitations() {
	}

	/** Samtah's seed with the post-case survey enabled, expiring after 7 days. */
	public static String samtahWithSurvey() {
		return PostCaseSurveyTests.samtahWithSurvey();
	}

	/** A new invitation of the association, valid for a week; its token. */
	public static String invite(ApplicationContext context, TenantId tenant) {
		return PostCaseSurveyTests
			.invite(context.getBean(PoliciesInForce.class), context.getBean(SurveyInviter.class), tenant,
					Duration.ofDays(7))
			.value();
	}

}
