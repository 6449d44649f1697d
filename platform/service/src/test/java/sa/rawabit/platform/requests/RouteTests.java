package sa.rawabit.platform.requests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sa.rawabit.policy.Stage;
import sa.rawabit.policy.seeds.SeedPolicies;

/**
 * The policy's stages read as a route, without a database: the same code for both seeds'
 * procedures.
 */
class RouteTests {

	private final Route samtah = Route.of(SeedPolicies.get("samtah-cooperative").policy());

	private final Route thimar = Route.of(SeedPolicies.get("thimar-alkhair").policy());

	@Test
	void nextWhenSamtahThenDeclarationDecisionNotificationAndClosed() {
		assertThat(samtah.next(null, null).map(this::id)).contains("declaration");
		assertThat(samtah.next("declaration", null).map(this::id)).contains("committee-decision");
		assertThat(samtah.next("committee-decision", Outcome.REJECTED).map(this::id)).contains("notification");
		assertThat(samtah.next("notification", Outcome.APPROVED)).isEmpty();
		assertThat(samtah.hasNotificationStage()).isTrue();
	}

	@Test
	void nextWhenThimarThenReferralIsASideTripAndRejectionSkipsRegistration() {
		assertThat(thimar.next(null, null).map(this::id)).contains("verification");
		assertThat(thimar.next("verification", null).map(this::id)).contains("declaration");
		assertThat(thimar.next("committee-decision", Outcome.APPROVED).map(this::id)).contains("registration");
		assertThat(thimar.next("registration", Outcome.APPROVED).map(this::id)).contains("delivery");
		assertThat(thimar.next("committee-decision", Outcome.REJECTED)).isEmpty();
		assertThat(thimar.hasNotificationStage()).isFalse();
	}

	@Test
	void mayReferWhenBeforeTheReferralsPlaceOnly() {
		assertThat(thimar.mayReferAt("verification")).isTrue();
		assertThat(thimar.mayReferAt("declaration")).isTrue();
		assertThat(thimar.mayReferAt("committee-decision")).isFalse();
		assertThat(samtah.mayReferAt("declaration")).isFalse();
	}

	private String id(Stage stage) {
		return stage.id().value();
	}

}
