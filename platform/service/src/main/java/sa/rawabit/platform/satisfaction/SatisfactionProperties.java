package sa.rawabit.platform.satisfaction;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rawabit.satisfaction.*}: the post-case survey where the association's policy is
 * silent. A policy with a satisfaction section decides itself (Samtah's turns the survey
 * off; one that enables it without {@code expires-after-days} gets the language's 14
 * days); one without such a section gets these.
 *
 * @param surveyWithoutPolicySection whether associations whose policy has no satisfaction
 * section survey closed cases
 * @param expiryDays how many days a link stays open when the policy has no satisfaction
 * section
 * @param publicBaseUrl where beneficiaries reach the public pages; the survey link starts
 * with it
 */
@ConfigurationProperties("rawabit.satisfaction")
public record SatisfactionProperties(@DefaultValue("true") boolean surveyWithoutPolicySection,
		@DefaultValue("14") int expiryDays, @DefaultValue("http://127.0.0.1:8080") URI publicBaseUrl) {

	/**
	 * The one-time link a beneficiary opens: the association's public survey page for
	 * this token.
	 */
	String surveyLink(String slug, SurveyToken token) {
		return publicBaseUrl.resolve("/public/" + slug + "/survey/" + token.value()).toString();
	}
}
