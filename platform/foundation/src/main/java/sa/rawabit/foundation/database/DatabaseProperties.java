package sa.rawabit.foundation.database;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rawabit.db.*}. With no {@code url} (env {@code RAWABIT_DB_URL}) the app runs its
 * own embedded PostgreSQL; with one, it uses that server, whose roles an operator created
 * beforehand.
 *
 * @param url {@code postgresql://host:port/db}, with or without a {@code jdbc:} or
 * {@code r2dbc:} prefix
 * @param owner the role that owns the schemas and runs migrations
 * @param app the role this application connects as at run time (owns nothing, cannot
 * bypass RLS)
 * @param migrate the schemas this application owns and migrates, in order
 * @param migrateAtStart whether it migrates them at start-up (the local stack) or a
 * separate step did ({@code java -jar app.jar --migrate-only}, a Kubernetes init
 * container): then the running replicas need no owner credentials at all
 */
@ConfigurationProperties("rawabit.db")
public record DatabaseProperties(@Nullable String url, @DefaultValue("rawabit") String name,
		@DefaultValue Credentials owner, @DefaultValue Credentials app, @DefaultValue List<String> migrate,
		@DefaultValue("true") boolean migrateAtStart, @DefaultValue Embedded embedded, @DefaultValue Pool pool) {

	public boolean embeddedMode() {
		return url == null || url.isBlank();
	}

	/**
	 * The password of a further role this application logs in as (the outbox worker, the
	 * oversight reader): its own, configured through {@code variable}. Only on the
	 * embedded server, where every role has the same loopback-only password, may it be
	 * left unset; elsewhere that is refused, so no role quietly shares another's
	 * password.
	 */
	public String rolePassword(String role, @Nullable String configured, String variable, DatabaseServer server) {
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		if (embeddedMode()) {
			return server.app().password();
		}
		throw new IllegalStateException("Set " + variable + ": the database role " + role
				+ " logs in with its own password (see deploy/postgres/README.md)");
	}

	public record Credentials(@DefaultValue("rawabit_owner") String username, @Nullable String password) {
	}

	/**
	 * @param dataDirectory kept across restarts when set; a throw-away directory when
	 * empty
	 * @param port fixed so the platform and tenant-admin of one local stack share one
	 * server
	 * @param rolePassword the password every bootstrapped role gets on this loopback-only
	 * server
	 */
	public record Embedded(@Nullable Path dataDirectory, @DefaultValue("54329") int port,
			@DefaultValue("rawabit-dev") String rolePassword) {
	}

	public record Pool(@DefaultValue("10") int maxSize, @DefaultValue("10m") Duration maxIdleTime,
			@DefaultValue("5s") Duration acquireTimeout) {
	}
}
