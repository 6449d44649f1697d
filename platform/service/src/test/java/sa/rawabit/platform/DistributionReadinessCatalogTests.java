package sa.rawabit.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import sa.rawabit.testing.TestDatabase;

/**
 * Ready for a distributed PostgreSQL (Citus-style, sharded by {@code tenant_id};
 * deploy/CITUS.md): every table with a {@code tenant_id} column has it first in its
 * primary key and first in every foreign key, so each key and each join along a foreign
 * key stays inside one shard. A table added later that breaks this fails the build,
 * unless it is listed below with its reason.
 */
class DistributionReadinessCatalogTests extends PlatformTest {

	/**
	 * Justified exceptions: table or constraint → why it may break the rule. None today.
	 */
	static final Map<String, String> EXCEPTIONS = Map.of();

	private static final String TENANT_TABLE = """
			exists (select 1 from pg_attribute a where a.attrelid = %s and a.attname = 'tenant_id' and not a.attisdropped)""";

	@Test
	void everyTenantTableKeyLeadsWithTenantId() throws SQLException {
		List<String> tables = new ArrayList<>();
		List<String> offending = new ArrayList<>();
		try (Connection superuser = TestDatabase.get().connectAsSuperuser();
				ResultSet rows = superuser.createStatement().executeQuery("""
						select c.oid::regclass::text as name,
						       (select a.attname from pg_index i join pg_attribute a
						          on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
						        where i.indrelid = c.oid and i.indisprimary) as first_key_column
						from pg_class c join pg_namespace n on n.oid = c.relnamespace
						where c.relkind in ('r', 'p') and n.nspname in ('app', 'control') and %s
						order by 1""".formatted(TENANT_TABLE.formatted("c.oid")))) {
			while (rows.next()) {
				String name = rows.getString("name");
				tables.add(name);
				if (!"tenant_id".equals(rows.getString("first_key_column")) && !EXCEPTIONS.containsKey(name)) {
					offending.add(name + " primary key starts with " + rows.getString("first_key_column"));
				}
			}
		}
		assertThat(tables).contains("app.beneficiary", "app.complaint", "app.outbox", "control.tool_document");
		assertThat(offending).isEmpty();
	}

	@Test
	void everyForeignKeyOfATenantTableLeadsWithTenantId() throws SQLException {
		List<String> keys = new ArrayList<>();
		List<String> offending = new ArrayList<>();
		try (Connection superuser = TestDatabase.get().connectAsSuperuser();
				ResultSet rows = superuser.createStatement().executeQuery("""
						select k.conrelid::regclass::text as name, k.conname, k.confrelid::regclass::text as target,
						       (select a.attname from pg_attribute a
						        where a.attrelid = k.conrelid and a.attnum = k.conkey[1]) as first_column,
						       (select a.attname from pg_attribute a
						        where a.attrelid = k.confrelid and a.attnum = k.confkey[1]) as first_target_column
						from pg_constraint k join pg_namespace n on n.oid = k.connamespace
						where k.contype = 'f' and n.nspname in ('app', 'control') and %s
						order by 1, 2""".formatted(TENANT_TABLE.formatted("k.conrelid")))) {
			while (rows.next()) {
				String key = rows.getString("name") + "." + rows.getString("conname");
				keys.add(key);
				boolean tenantFirst = "tenant_id".equals(rows.getString("first_column"));
				// A key onto the association itself (control.tenant.id) is the reference
				// table's; any other must
				// pair tenant_id with tenant_id, so the row it points to lives on the
				// same shard.
				boolean sameShard = "control.tenant".equals(rows.getString("target"))
						|| "tenant_id".equals(rows.getString("first_target_column"));
				if (!(tenantFirst && sameShard) && !EXCEPTIONS.containsKey(key)) {
					offending.add(key + " (" + rows.getString("first_column") + " → " + rows.getString("target") + "."
							+ rows.getString("first_target_column") + ")");
				}
			}
		}
		assertThat(keys).isNotEmpty();
		assertThat(offending).isEmpty();
	}

}
