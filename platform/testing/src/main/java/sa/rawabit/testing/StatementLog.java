package sa.rawabit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the test PostgreSQL logged while statement logging was on
 * ({@code log_statement = 'all'}, set with {@code ALTER SYSTEM} and a reload, reset on
 * close), read from its log collector's JSON file. Each entry names the role, session and
 * virtual transaction, so a test can pick one request's transactions out of everything
 * else the same role did meanwhile.
 */
public final class StatementLog implements AutoCloseable {

	/**
	 * A logged statement: {@code execute <name>: sql} (extended protocol) or
	 * {@code statement: sql}.
	 */
	private static final Pattern EXECUTED = Pattern.compile("(?:execute [^:]*|statement): (.*)", Pattern.DOTALL);

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	/**
	 * One log entry: role, session, virtual transaction ({@code vxid}), message and
	 * detail.
	 */
	public record Entry(String user, String session, String transaction, String message, String detail) {

		/**
		 * The SQL this entry says was executed, or {@code null} when it is not a
		 * statement's entry.
		 */
		public @Nullable String statement() {
			Matcher executed = EXECUTED.matcher(message);
			return executed.matches() ? executed.group(1) : null;
		}
	}

	/**
	 * Opens superuser connections: the settings are server-wide and the marks must be
	 * logged too.
	 */
	interface Superuser {

		Connection connect() throws SQLException;

	}

	private final JsonMapper json = JsonMapper.builder().build();

	private final Superuser superuser;

	private final Path file;

	private final List<Entry> entries = new ArrayList<>();

	private long offset;

	private StatementLog(Superuser superuser, Path file, long offset) {
		this.superuser = superuser;
		this.file = file;
		this.offset = offset;
	}

	static StatementLog open(Superuser superuser, Path file) throws SQLException {
		StatementLog log = new StatementLog(superuser, file, size(file));
		log.run("alter system set log_statement = 'all'");
		log.awaitSessionsSee("all");
		return log;
	}

	/**
	 * The postmaster reloads asynchronously; a session forked before it did would not
	 * log.
	 */
	private void awaitSessionsSee(String setting) throws SQLException {
		Instant deadline = Instant.now().plus(PATIENCE);
		while (true) {
			try (Connection connection = superuser.connect();
					Statement statement = connection.createStatement();
					var shown = statement.executeQuery("show log_statement")) {
				if (shown.next() && shown.getString(1).equals(setting)) {
					return;
				}
			}
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("New sessions still do not see log_statement = " + setting);
			}
			sleepBriefly();
		}
	}

	/**
	 * Every entry logged since this log was opened, in the order the server wrote them.
	 * Waits until the log holds a mark written after the call, so nothing executed before
	 * the call is still in flight.
	 */
	public List<Entry> entries() {
		String mark = "rawabit-statement-log-mark-" + UUID.randomUUID();
		try (Connection connection = superuser.connect(); Statement statement = connection.createStatement()) {
			statement.execute("select '" + mark + "'");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not mark the statement log", ex);
		}
		Instant deadline = Instant.now().plus(PATIENCE);
		while (entries.stream().noneMatch(each -> each.message().contains(mark))) {
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException(
						"The server did not log " + mark + " in " + file + " within " + PATIENCE);
			}
			readNewLines();
			sleepBriefly();
		}
		return entries.stream().filter(each -> !each.message().contains("rawabit-statement-log-mark-")).toList();
	}

	@Override
	public void close() throws SQLException {
		run("alter system reset log_statement");
	}

	private void run(String setting) throws SQLException {
		try (Connection connection = superuser.connect(); Statement statement = connection.createStatement()) {
			statement.execute(setting);
			statement.execute("select pg_reload_conf()");
		}
	}

	private void readNewLines() {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			ByteBuffer buffer = ByteBuffer.allocate((int) (channel.size() - offset));
			channel.read(buffer, offset);
			byte[] bytes = buffer.array();
			int end = bytes.length;
			while (end > 0 && bytes[end - 1] != '\n') {
				end--; // a line the collector is still writing: read it whole next time
			}
			offset += end;
			new String(bytes, 0, end, StandardCharsets.UTF_8).lines()
				.filter(line -> !line.isBlank())
				.forEach(this::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void add(String line) {
		JsonNode entry = json.readTree(line);
		entries.add(new Entry(field(entry, "user"), field(entry, "session_id"), field(entry, "vxid"),
				field(entry, "message"), field(entry, "detail")));
	}

	private static String field(JsonNode entry, String name) {
		JsonNode value = entry.get(name);
		return value == null ? "" : value.asString();
	}

	private static long size(Path file) {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			return channel.size();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleepBriefly() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
