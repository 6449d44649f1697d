package sa.rawabit.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestTenants;

/**
 * Raw SQL as the platform's own database role, bypassing every line of application code:
 * row-level security alone must keep associations apart. Runs after the platform migrated
 * schema {@code app}.
 */
class RowLevelSecurityTests extends PlatformTest {

	TenantId tenantA;

	TenantId tenantB;

	UUID rowOfA;

	@BeforeEach
	void rowsOfTwoAssociations() throws SQLException {
		tenantA = TestTenants.create("rls-a");
		tenantB = TestTenants.create("rls-b");
		rowOfA = insertBeneficiary(tenantA);
		insertBeneficiary(tenantB);
	}

	@Test
	void selectWhenNoTenantSetThenZeroRows() throws SQLException {
		try (Connection platform = connect()) {
			assertThat(count(platform, "select count(*) from app.beneficiary")).isZero();
			assertThat(count(platform, "select count(*) from app.audit_event")).isZero();
		}
		try (Connection superuser = TestDatabase.get().connectAsSuperuser()) {
			assertThat(count(superuser, "select count(*) from app.beneficiary")).isGreaterThanOrEqualTo(2);
		}
	}

	@Test
	void selectWhenOtherTenantSetThenItsRowsAreInvisible() throws SQLException {
		try (Connection platform = inTenant(tenantB)) {
			assertThat(count(platform, "select count(*) from app.beneficiary where tenant_id = '" + tenantA + "'"))
				.isZero();
			assertThat(count(platform, "select count(*) from app.beneficiary where id = '" + rowOfA + "'")).isZero();
			assertThat(count(platform, "select count(*) from app.beneficiary where tenant_id <> '" + tenantB + "'"))
				.isZero();
			platform.rollback();
		}
	}

	@Test
	void updateAndDeleteWhenOtherTenantSetThenNoRowIsTouched() throws SQLException {
		try (Connection platform = inTenant(tenantB)) {
			assertThat(platform.createStatement()
				.executeUpdate("update app.beneficiary set full_name = 'x' where id = '" + rowOfA + "'")).isZero();
			assertThat(
					platform.createStatement().executeUpdate("delete from app.beneficiary where id = '" + rowOfA + "'"))
				.isZero();
			platform.commit();
		}
		try (Connection platform = inTenant(tenantA)) {
			assertThat(count(platform,
					"select count(*) from app.beneficiary where id = '" + rowOfA + "' and full_name = 'أ'"))
				.isOne();
			platform.rollback();
		}
	}

	@Test
	void insertWhenRowNamesOtherTenantThenRejected() throws SQLException {
		try (Connection platform = inTenant(tenantB)) {
			assertThatThrownBy(() -> platform.createStatement()
				.executeUpdate(
						"insert into app.beneficiary (tenant_id, id, national_id, full_name, created_at) values ('"
								+ tenantA + "', gen_random_uuid(), '1000000001', 'x', now())"))
				.hasMessageContaining("violates row-level security policy");
			platform.rollback();
		}
	}

	@Test
	void settingWhenTransactionEndsThenDoesNotLeakToTheNextTransaction() throws SQLException {
		try (Connection platform = inTenant(tenantA)) {
			assertThat(count(platform, "select count(*) from app.beneficiary")).isOne();
			platform.commit();
			assertThat(count(platform, "select count(*) from app.beneficiary")).isZero();
			platform.commit();
		}
	}

	private UUID insertBeneficiary(TenantId tenant) throws SQLException {
		UUID id = UUID.randomUUID();
		try (Connection platform = inTenant(tenant);
				PreparedStatement insert = platform.prepareStatement(
						"insert into app.beneficiary (tenant_id, id, national_id, full_name, created_at) values (?, ?, ?, 'أ', now())")) {
			insert.setObject(1, tenant.value());
			insert.setObject(2, id);
			insert.setString(3, "2" + String.format("%09d", Math.abs(id.getLeastSignificantBits() % 1_000_000_000)));
			insert.executeUpdate();
			platform.commit();
		}
		return id;
	}

	/**
	 * A transaction of the platform role with the tenant set exactly as the application
	 * sets it.
	 */
	private static Connection inTenant(TenantId tenant) throws SQLException {
		Connection platform = connect();
		platform.setAutoCommit(false);
		try (PreparedStatement set = platform.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
			set.setString(1, tenant.toString());
			set.executeQuery();
		}
		return platform;
	}

	private static Connection connect() throws SQLException {
		return TestDatabase.get().connectAs(DatabaseRoles.PLATFORM);
	}

	private static long count(Connection connection, String sql) throws SQLException {
		try (ResultSet result = connection.createStatement().executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

}
