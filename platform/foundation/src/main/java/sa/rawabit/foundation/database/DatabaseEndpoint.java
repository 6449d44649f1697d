package sa.rawabit.foundation.database;

import java.net.URI;

/**
 * Where the server is; credentials are kept apart because each plane connects as its own
 * role.
 */
public record DatabaseEndpoint(String host, int port, String database) {

	/**
	 * Accepts {@code postgresql://h:p/db} with an optional {@code jdbc:} or
	 * {@code r2dbc:} prefix.
	 */
	public static DatabaseEndpoint parse(String url) {
		String plain = url.trim().replaceFirst("^(jdbc:|r2dbc:)", "");
		if (!plain.startsWith("postgresql://")) {
			throw new IllegalArgumentException(
					"rawabit.db.url must look like postgresql://host:port/database, was " + url);
		}
		URI uri = URI.create(plain);
		String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
		if (uri.getHost() == null || database.isBlank()) {
			throw new IllegalArgumentException("rawabit.db.url needs a host and a database: " + url);
		}
		return new DatabaseEndpoint(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), database);
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://" + host + ":" + port + "/" + database;
	}

	public DatabaseEndpoint withDatabase(String other) {
		return new DatabaseEndpoint(host, port, other);
	}
}
