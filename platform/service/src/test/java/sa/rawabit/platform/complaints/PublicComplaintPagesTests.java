package sa.rawabit.platform.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.platform.publicaccess.PublicGate;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;

/**
 * The complaint pages' abuse guards: the same limits and honeypot as the JSON link,
 * answered as pages.
 */
class PublicComplaintPagesTests extends PlatformTest {

	@Autowired
	WebTestClient web;

	@Autowired
	PoliciesInForce policies;

	@Autowired
	PublicGate limits;

	TestTenant association;

	@BeforeEach
	void publishPolicy() {
		limits.forgetAll();
		association = TestTenants.register("public-page-limits");
		ComplaintPolicies.publish(policies, association.id(), ComplaintPolicies.samtah());
	}

	@AfterEach
	void forgetLimits() {
		limits.forgetAll();
	}

	@Test
	void fileWhenAddressOverItsLimitThenTooManyPageAndNothingMoreStored() {
		for (int i = 0; i < 5; i++) {
			post(form()).expectStatus()
				.isSeeOther()
				.expectHeader()
				.valueMatches("Location", "/public/" + association.slug() + "/complaint/receipt/[A-Z2-7]{20}");
		}
		post(form()).expectStatus()
			.isEqualTo(429)
			.expectBody(String.class)
			.value(html -> assertThat(html).contains("data-testid=\"limited\"").contains("طلبات كثيرة"));

		assertThat(PublicComplaintLinkTests.stored(association.id())).isEqualTo(5);
	}

	@Test
	void fileWhenHoneypotFilledThenRefusedOnTheFormAndNothingStored() {
		MultiValueMap<String, String> bot = form();
		bot.add("website", "http://spam.example");
		post(bot).expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.value(html -> assertThat(html).contains("data-testid=\"complaint-form\"").contains("رُفض الإرسال"));

		assertThat(PublicComplaintLinkTests.stored(association.id())).isZero();
	}

	@Test
	void landingWhenPolicyOpensLinkThenChannelsAndLinksShown() {
		web.get()
			.uri("/public/{slug}?lang=en", association.slug())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(html -> assertThat(html).contains("data-testid=\"complaint-link\"")
				.contains("data-channel=\"fax\"")
				.contains("data-channel=\"email\"")
				.contains("/public/" + association.slug() + "/track"));
	}

	private WebTestClient.ResponseSpec post(MultiValueMap<String, String> form) {
		return web.post()
			.uri("/public/{slug}/complaint", association.slug())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.exchange();
	}

	private static MultiValueMap<String, String> form() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("name", "مستفيد");
		form.add("contact", "0500000000");
		form.add("subject", "تأخر الرد");
		form.add("description", "لم يصلني رد على طلبي");
		return form;
	}

}
