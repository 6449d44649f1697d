package sa.rawabit.platform.satisfaction;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.testing.TestDatabase;

/** Reads survey invitations as the platform's own role, under row-level security, as tests need them. */
final class SurveyRows {

	private SurveyRows() {
	}

	/** The first column of every row {@code sql} returns, with {@code app.tenant_id} set to {@code tenant} (or unset). */
	static List<String> column(@Nullable TenantId tenant, String sql) {
		try (Connection platform = TestDatabase.get().connectAs(DatabaseRoles.PLATFORM)) {
			platform.setAutoCommit(false);
			if (tenant != null) {
				try (PreparedStatement scope = platform.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
					scope.setString(1, tenant.toString());
					scope.execute();
				}
			}
			List<String> values = new ArrayList<>();
			try (ResultSet rows = platform.createStatement().executeQuery(sql)) {
				while (rows.next()) {
					values.add(rows.getString(1));
				}
			}
			platform.rollback();
			return values;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Waits (polling, never sleeping a fixed time) until {@code sql} returns at least {@code rows} rows. */
	static List<String> await(TenantId tenant, String sql, int rows) {
		return Mono.fromCallable(() -> column(tenant, sql))
			.filter(values -> values.size() >= rows)
			.repeatWhenEmpty(empty -> empty.delayElements(Duration.ofMillis(50)))
			.timeout(Duration.ofSeconds(15))
			.block();
	}
}
