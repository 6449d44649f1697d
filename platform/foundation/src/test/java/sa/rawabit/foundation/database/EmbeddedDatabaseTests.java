package sa.rawabit.foundation.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The persistent local server keeps what it acknowledged; throw-away servers may trade
 * that for speed.
 */
class EmbeddedDatabaseTests {

	@Test
	void persistentServerWhenStartedThenFsyncAndSynchronousCommitOn(@TempDir Path data) throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedDatabase.start(data, 0)) {
			assertThat(show(postgres, "fsync")).isEqualTo("on");
			assertThat(show(postgres, "synchronous_commit")).isEqualTo("on");
		}
	}

	@Test
	void ephemeralServerWhenStartedThenFastDefaultsKept() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedDatabase.start(null, 0)) {
			assertThat(show(postgres, "fsync")).isEqualTo("off");
			assertThat(show(postgres, "synchronous_commit")).isEqualTo("off");
		}
	}

	private static String show(EmbeddedPostgres postgres, String setting) throws SQLException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("show " + setting)) {
			rows.next();
			return rows.getString(1);
		}
	}

}
