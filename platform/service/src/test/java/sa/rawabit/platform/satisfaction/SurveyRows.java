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

/**
 * Reads survey invitations as the platform's own role, under row-level security, as tests
 * need them.
 */
public final class SurveyRows {

	private SurveyRows() {
	}

	/**
	 * The first column of every row {@code sql} returns, with {@code app.tenant_id} set
	 * to {@code tenant} (or unset).
	 */
	public static List<String> column(@Nullable TenantId tenant, String sql) {
		try (Connection platform = TestDatabase.get().connectAs(DatabaseRoles.PLATFORM)) {
			platform.setAutoCommit(false);
			if (tenant != null) {
				try (PreparedStatement scope = platform
					.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
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

	/**
	 * Waits (polling, never sleeping a fixed time) until {@code sql} returns at least
	 * {@code rows} rows.
	 */
	static List<String> await(TenantId tenant, String sql, int rows) {
		return Mono.fromCallable(() -> column(tenant, sql))
			.filter(values -> values.size() >= rows)
			.repeatWhenEmpty(empty -> empty.delayElements(Duration.ofMillis(50)))
			.timeout(Duration.ofSeconds(15))
			.block();
	}

	/**
	 * Stores a survey invitation sent at {@code sentAt} that reached the beneficiary,
	 * answered with {@code rating} an hour later (null: not answered), as the
	 * association's own rows.
	 */
	public static void sent(TenantId tenant, java.time.Instant sentAt, @Nullable Integer rating) {
		try (Connection platform = TestDatabase.get().connectAs(DatabaseRoles.PLATFORM)) {
			platform.setAutoCommit(false);
			try (PreparedStatement scope = platform.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
				scope.setString(1, tenant.toString());
				scope.execute();
			}
			try (PreparedStatement insert = platform.prepareStatement(
					"""
							insert into app.survey_invitation (tenant_id, id, case_kind, case_id, token_hash, channel, delivery,
							    sent_at, expires_at, answered_at, rating)
							values (?::uuid, gen_random_uuid(), 'request', gen_random_uuid(), md5(random()::text), 'email', 'sent',
							    ?, ?, ?, ?)""")) {
				insert.setString(1, tenant.toString());
				insert.setObject(2, java.time.OffsetDateTime.ofInstant(sentAt, java.time.ZoneOffset.UTC));
				insert.setObject(3,
						java.time.OffsetDateTime.ofInstant(sentAt.plus(Duration.ofDays(7)), java.time.ZoneOffset.UTC));
				if (rating == null) {
					insert.setNull(4, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
					insert.setNull(5, java.sql.Types.SMALLINT);
				}
				else {
					insert.setObject(4, java.time.OffsetDateTime.ofInstant(sentAt.plus(Duration.ofHours(1)),
							java.time.ZoneOffset.UTC));
					insert.setShort(5, rating.shortValue());
				}
				insert.executeUpdate();
			}
			platform.commit();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
