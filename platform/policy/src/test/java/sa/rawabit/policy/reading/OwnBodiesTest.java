package sa.rawabit.policy.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import sa.rawabit.policy.ChannelId;
import sa.rawabit.policy.RoleKey;
import sa.rawabit.policy.Text;
import sa.rawabit.policy.VotingRule;

/**
 * A policy in its own words: roles it defines, committees with size, quorum, rule and
 * chair, telling channels.
 */
class OwnBodiesTest {

	private static final RoleKey DIRECTOR = new RoleKey("executive-director");

	private static final RoleKey SERVICES = new RoleKey("services-committee");

	private static String ownBodies() throws IOException {
		try (var in = OwnBodiesTest.class.getResourceAsStream("/own-bodies.yaml")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void readWhenPolicyDeclaresRolesThenStagesHandlersAndOwnersMayNameThem() throws IOException {
		var policy = PolicyReader.read(ownBodies()).orElseThrow();

		assertThat(policy.roles()).extracting(r -> r.id().value())
			.containsExactly("executive-director", "services-committee");
		assertThat(policy.allRoles()).contains(RoleKey.TOP_MANAGEMENT, DIRECTOR, SERVICES);
		assertThat(policy.roleNames(DIRECTOR)).contains(Text.of("المدير التنفيذي", "Executive director"));
		assertThat(policy.roleNames(RoleKey.TOP_MANAGEMENT)).contains(Text.of("الإدارة العليا", "Top management"));
		assertThat(policy.procedure().decisionStage().role()).isEqualTo(SERVICES);
		assertThat(policy.complaints().escalation().to()).isEqualTo(DIRECTOR);
		assertThat(policy.satisfaction().instruments().getFirst().owner()).isEqualTo(DIRECTOR);
		assertThat(policy.contactOfficers().fallback()).isEqualTo(DIRECTOR);
	}

	@Test
	void readWhenCommitteeSettingsGivenThenKeepsSizeQuorumRuleAndChair() throws IOException {
		var committee = PolicyReader.read(ownBodies()).orElseThrow().committee(SERVICES).orElseThrow();

		assertThat(committee.size()).isEqualTo(3);
		assertThat(committee.quorum()).isEqualTo(2);
		assertThat(committee.voting()).isEqualTo(VotingRule.UNANIMITY);
		assertThat(committee.chair()).isEqualTo(DIRECTOR);
	}

	@Test
	void readWhenVotingRuleSilentThenMajorityOfThosePresent() throws IOException {
		var yaml = ownBodies().replace(", voting: unanimity", "");

		assertThat(PolicyReader.read(yaml).orElseThrow().committee(SERVICES).orElseThrow().voting())
			.isEqualTo(VotingRule.MAJORITY_OF_PRESENT);
	}

	@Test
	void readWhenQuorumLargerThanSizeThenQuorumExceedsSizeAtTheQuorum() throws IOException {
		var problems = PolicyReader.read(ownBodies().replace("quorum: 2", "quorum: 4")).problems();

		assertThat(problems).singleElement().satisfies(p -> {
			assertThat(p.code()).isEqualTo("quorum-exceeds-size");
			assertThat(p.path()).isEqualTo("committees[0].quorum");
			assertThat(p.messageEn()).isEqualTo("quorum 4 is larger than the committee's size 3");
			assertThat(p.messageAr()).contains("4", "3");
		});
	}

	@Test
	void readWhenRoleNeitherBuiltInNorDeclaredThenUnknownRoleListsTheDeclaredOnesToo() throws IOException {
		var problems = PolicyReader.read(ownBodies().replace("to: executive-director", "to: board-chair")).problems();

		assertThat(problems).singleElement().satisfies(p -> {
			assertThat(p.code()).isEqualTo("unknown-role");
			assertThat(p.path()).isEqualTo("complaints.escalation.to");
			assertThat(p.messageEn()).contains("'board-chair'", "top-management", "executive-director",
					"services-committee");
		});
	}

	@Test
	void readWhenPolicyRedeclaresBuiltInRoleThenRoleIsBuiltIn() throws IOException {
		var problems = PolicyReader.read(ownBodies().replace("id: services-committee", "id: research-committee"))
			.problems();

		assertThat(problems).extracting(PolicyProblem::code).contains("role-is-built-in");
		assertThat(problems).filteredOn(p -> p.code().equals("role-is-built-in"))
			.singleElement()
			.satisfies(p -> assertThat(p.path()).isEqualTo("roles[1].id"));
	}

	@Test
	void readWhenSameRoleDeclaredTwiceThenDuplicateId() throws IOException {
		var problems = PolicyReader.read(ownBodies().replace("id: services-committee", "id: executive-director"))
			.problems();

		assertThat(problems).extracting(PolicyProblem::code).contains("duplicate-id");
	}

	@Test
	void readWhenTellingNamesChannelNotEnabledThenChannelNotEnabled() throws IOException {
		var problems = PolicyReader.read(ownBodies().replace("telling: [email, whatsapp]", "telling: [email, fax]"))
			.problems();

		assertThat(problems).singleElement().satisfies(p -> {
			assertThat(p.code()).isEqualTo("channel-not-enabled");
			assertThat(p.path()).isEqualTo("telling[1]");
		});
	}

	@Test
	void tellsOnWhenPolicyListsTellingChannelsThenOnlyThose() throws IOException {
		var policy = PolicyReader.read(ownBodies()).orElseThrow();

		assertThat(policy.tellsOn(new ChannelId("whatsapp"))).isTrue();
		assertThat(policy.tellsOn(new ChannelId("phone"))).isFalse();
	}

	@Test
	void tellsOnWhenPolicySilentThenEnabledEmailAndPhone() throws IOException {
		var policy = PolicyReader.read(ownBodies().replace("telling: [email, whatsapp]\n", "")).orElseThrow();

		assertThat(policy.tellsOn(new ChannelId("email"))).isTrue();
		assertThat(policy.tellsOn(new ChannelId("phone"))).isTrue();
		assertThat(policy.tellsOn(new ChannelId("whatsapp"))).isFalse();
	}

}
