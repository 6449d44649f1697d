package sa.rawabit.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import sa.rawabit.testing.SqlOwnership;

/**
 * SQL owned by its module, in the control plane: each control table has one owning
 * module, and only that module's SQL names it. Offboarding deletes and exports a tenant's
 * rows table by table from the catalog, naming none of them.
 */
class SqlOwnershipTests {

	private static final Path SOURCES = Path.of("src/main/java/sa/rawabit/admin");

	private static final Map<String, String> OWNERS = Map.of("control.tenant", "tenants", "control.policy_version",
			"policies", "control.tool_document", "tools", "control.messaging_channel", "channels",
			"control.staff_revocation", "staff", "control.operator_export", "onboarding");

	private final SqlOwnership ownership = new SqlOwnership(OWNERS, Map.of());

	@Test
	void everyControlTableWhenCreatedByAMigrationThenHasAnOwningModule() {
		Path migrations = Path.of("../platform/foundation/src/main/resources/db/control");
		assertThat(OWNERS.keySet()).containsExactlyInAnyOrderElementsOf(SqlOwnership.createdIn(migrations));
	}

	@Test
	void sqlWhenNamingAnotherModulesTableThenRefused() {
		assertThat(ownership.uses(SOURCES)).as("the scan finds SQL at all")
			.contains("tenants → control.tenant", "policies → control.policy_version", "tools → control.tool_document");
		assertThat(ownership.trespasses(SOURCES)).isEmpty();
	}

}
