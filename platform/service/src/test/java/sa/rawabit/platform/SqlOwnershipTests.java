package sa.rawabit.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import sa.rawabit.testing.SqlOwnership;

/**
 * SQL owned by its module: each table of the platform's schema (and each control-plane
 * table the platform reads) has one owning module, and only that module's SQL names it.
 * Exceptions are listed with their reason; one that is no longer needed fails too, so the
 * list only shrinks.
 */
class SqlOwnershipTests {

	private static final Path SOURCES = Path.of("src/main/java/sa/rawabit/platform");

	private static final Map<String, String> OWNERS = Map.ofEntries(Map.entry("app.audit_event", "audit"),
			Map.entry("app.beneficiary", "beneficiaries"), Map.entry("app.complaint", "complaints"),
			Map.entry("app.compensation_case", "complaints"), Map.entry("app.deadline", "deadlines"),
			Map.entry("app.inquiry", "inquiries"), Map.entry("app.inquiry_assignment", "inquiries"),
			Map.entry("app.officer_delegation", "inquiries"), Map.entry("app.inquiry_tool_attachment", "tools"),
			Map.entry("app.outbox", "notifications"), Map.entry("app.policy_acknowledgement", "policy"),
			Map.entry("app.policy_announcement", "policy"), Map.entry("app.request", "requests"),
			Map.entry("app.request_attachment", "requests"), Map.entry("app.request_deadline", "requests"),
			Map.entry("app.request_decision", "requests"), Map.entry("app.request_declaration", "requests"),
			Map.entry("app.request_message", "requests"), Map.entry("app.request_referral", "requests"),
			Map.entry("app.request_vote", "requests"), Map.entry("app.satisfaction_record", "satisfaction"),
			Map.entry("app.survey_campaign", "satisfaction"), Map.entry("app.survey_invitation", "satisfaction"),
			Map.entry("app.update_notice", "updates"), Map.entry("app.update_recipient", "updates"),
			Map.entry("app.update_watermark", "updates"), Map.entry("oversight.association_indicators", "oversight"),
			Map.entry("oversight.indicators_snapshot", "oversight"),
			// The control plane's tables, as the platform reads them (tenant-admin writes
			// them).
			Map.entry("control.tenant", "tenancy"), Map.entry("control.policy_version", "policy"),
			Map.entry("control.tool_document", "tools"), Map.entry("app.beneficiary_message", "messaging"),
			Map.entry("app.beneficiary_message_attempt", "messaging"), Map.entry("app.outbox_purge", "notifications"),
			Map.entry("app.reaction_cursor", "notifications"), Map.entry("control.messaging_channel", "messaging"),
			// Written by tenant-admin, read by the foundation's revocation check; no
			// platform module touches it.
			Map.entry("control.staff_revocation", "tenancy"),
			// Written and read by tenant-admin's onboarding alone; no platform module
			// touches it.
			Map.entry("control.operator_export", "tenancy"));

	private static final Map<String, String> EXCEPTIONS = Map.of(
			// Reading which version is in force is the policy module's job; the column
			// lives on the tenant row.
			"policy → control.tenant", "the version in force is a column of control.tenant (V2 of control)",
			// One cross-association scan every minute, as the system; an API per module
			// for it would be
			// three new dependencies (tenancy, tools) for one query each.
			"updates → control.tenant", "the scanner lists active associations across tenants as the system",
			"updates → control.policy_version", "the scanner finds newly published versions across tenants",
			"updates → control.tool_document", "the scanner finds new public tool document versions");

	private final SqlOwnership ownership = new SqlOwnership(OWNERS, EXCEPTIONS);

	@Test
	void everyTableWhenCreatedByAMigrationThenHasAnOwningModule() {
		var migrations = SqlOwnership.createdIn(Path.of("src/main/resources/db/app"),
				Path.of("../foundation/src/main/resources/db/control"));
		assertThat(OWNERS.keySet()).containsExactlyInAnyOrderElementsOf(migrations);
	}

	@Test
	void sqlWhenNamingAnotherModulesTableThenOnlyAsAListedException() {
		assertThat(ownership.uses(SOURCES)).as("the scan finds SQL at all")
			.contains("requests → app.request", "oversight → oversight.association_indicators");
		assertThat(ownership.unlisted(SOURCES)).isEmpty();
		assertThat(ownership.staleExceptions(SOURCES)).isEmpty();
	}

}
