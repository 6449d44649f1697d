package sa.rawabit.platform.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import sa.rawabit.foundation.policy.PolicyVersionId;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.policy.LoadedPolicy;
import sa.rawabit.policy.reading.PolicyReader;

/** What a new policy version announces, compared as parsed values. */
class UpdatePolicyChangesTests {

	static final TenantId TENANT = new TenantId(UUID.randomUUID());

	@Test
	void versionWhenOnlyReformattedThenOnlyThePolicyIsAnnounced() {
		String yaml = UpdateRows.suqya("suqya-makkah", false);
		var changes = PolicyChanges.between(loaded(yaml, 1), loaded(yaml.replace("title:\n", "title:   \n"), 2));

		assertThat(changes).extracting(Change::kind, Change::subject, Change::version, Change::audienceService)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("policy", "policy", 2, null));
		assertThat(changes.getFirst().summaryAr()).contains("النسخة 2").contains("النسخة 1");
	}

	@Test
	void versionWhenServiceRenamedThenItsOpenRequestsAreTheAudience() {
		String yaml = UpdateRows.suqya("suqya-makkah", false);
		String renamed = yaml.replace("en: Water for workers }", "en: Water for labourers }");
		var changes = PolicyChanges.between(loaded(yaml, 3), loaded(renamed, 4));

		assertThat(changes).filteredOn(change -> change.kind().equals("service")).singleElement().satisfies(change -> {
			assertThat(change.subject()).isEqualTo("workers-water");
			assertThat(change.audienceService()).isEqualTo("workers-water");
			assertThat(change.summaryEn()).contains("is now called \"Water for labourers\"")
				.contains("policy version 4");
		});
	}

	@Test
	void versionWhenChecklistAddedThenRequirementsAreQuoted() {
		var changes = PolicyChanges.between(loaded(UpdateRows.suqya("suqya-makkah", false), 1),
				loaded(UpdateRows.suqya("suqya-makkah", true), 2));

		assertThat(changes).filteredOn(change -> change.kind().equals("service"))
			.singleElement()
			.satisfies(change -> assertThat(change.summaryAr()).contains("شروط خدمة «سقيا المساجد والأماكن العامة»")
				.contains("صورة الهوية الوطنية"));
	}

	private static LoadedPolicy loaded(String yaml, int number) {
		return new LoadedPolicy(TENANT, new PolicyVersionId(UUID.randomUUID()), number, Instant.EPOCH,
				PolicyReader.read(yaml).orElseThrow());
	}

}
