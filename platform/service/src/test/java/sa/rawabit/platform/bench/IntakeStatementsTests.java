package sa.rawabit.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.database.SchemaMigrations;
import sa.rawabit.platform.complaints.ComplaintPolicies;
import sa.rawabit.testing.StatementLog;
import sa.rawabit.testing.StatementLog.Entry;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestPolicies;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;

/**
 * The intake peer is only a peer while {@code bench/intake.pgbench.sql} holds exactly the
 * SQL one staff complaint intake sends. This test starts a replica as the benchmark does
 * (own JVM, no Keycloak), files a complaint to fill what the replica caches, then files a
 * second one with PostgreSQL logging every statement, picks out that request's
 * transactions and compares their statements, in order, with the script's.
 */
class IntakeStatementsTests {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

	@Test
	void intakeScriptWhenComparedWithTheStatementsASteadyStateIntakeSendsThenTheSame() throws Exception {
		TestDatabase database = capturing();
		TestTenant association = TestTenants.register("statements");
		TestPolicies.publish(association.id(), ComplaintPolicies.samtah());

		List<Entry> logged;
		// Logging is on before the replica connects, so every pooled session logs from
		// its first command.
		try (StatementLog log = database.logStatements(); BenchReplica replica = BenchReplica.start()) {
			String token = replica.token(association.slug(), "relations-officer");
			assertThat(file(replica, token).statusCode()).as("the warm-up filing").isEqualTo(201);
			logged = filing(log, replica, token);
		}

		assertThat(logged).as("a tenant transaction's BEGIN and set_config travel in one round trip")
			.anySatisfy(entry -> assertThat(String.valueOf(entry.statement()).toLowerCase(java.util.Locale.ROOT))
				.startsWith("begin read write;")
				.contains("set_config('app.tenant_id', '" + association.id() + "', true)"));
		List<String> sent = intakeOnly(IntakeScript.ofRequest(logged, DatabaseRoles.PLATFORM,
				association.id().toString(), association.slug()));
		assertTheScriptHolds(sent, "the intake");
	}

	/**
	 * The stack alone copies the platform's tables and columns (the platform's row
	 * builders are its modules' own): it is only the same SQL while its filing sends the
	 * script's statements too.
	 */
	@Test
	void stackAloneWhenComparedWithTheScriptThenSendsTheSameStatements() throws Exception {
		TestDatabase database = capturing();
		TestTenant association = TestTenants.register("stackalone");
		UUID policy = TestPolicies.publish(association.id(), ComplaintPolicies.samtah());

		List<Entry> logged;
		try (StatementLog log = database.logStatements();
				BenchReplica stack = BenchReplica.startStackAlone(database, association,
						BenchReplica.username(association.slug(), "relations-officer"), policy)) {
			logged = filing(log, stack, null);
		}

		List<String> sent = IntakeScript.ofRequest(logged, DatabaseRoles.PLATFORM, association.id().toString(),
				association.slug());
		assertTheScriptHolds(sent, "the stack alone");
	}

	private static TestDatabase capturing() {
		TestDatabase database = TestDatabase.get();
		assumeTrue(database.capturesStatements(), "This test PostgreSQL's log is not readable (a container)");
		SchemaMigrations.migrate(database.server(DatabaseRoles.OWNER), "app");
		return database;
	}

	/** What PostgreSQL logged while {@code replica} filed one complaint. */
	private List<Entry> filing(StatementLog log, BenchReplica replica, @Nullable String token) throws Exception {
		int before = log.entries().size();
		HttpResponse<String> filed = file(replica, token);
		assertThat(filed.statusCode()).as("the measured filing: %s", filed.body()).isEqualTo(201);
		List<Entry> all = log.entries();
		return all.subList(before, all.size());
	}

	private static void assertTheScriptHolds(List<String> sent, String who) {
		assertThat(sent).as("%s's statements were captured", who).isNotEmpty();
		assertThat(IntakeScript.normalized(IntakeScript.statements()))
			.as("bench/intake.pgbench.sql no longer holds what %s sends; it now sends:%n%s", who,
					String.join(";\n", sent))
			.containsExactlyElementsOf(IntakeScript.normalized(sent));
	}

	/**
	 * What one intake sends, without two kinds of transaction that may fall inside the
	 * measured filing's window, depending on how long the replica took to start and warm
	 * up: the association's status, read once per cache period (5 s) for all of its
	 * requests; and the update scan a replica runs once it starts, reacting to the policy
	 * published before it (the association looked up by id, then its watermarks).
	 */
	private static List<String> intakeOnly(List<String> sent) {
		List<String> kept = new ArrayList<>();
		List<String> transaction = new ArrayList<>();
		for (String statement : sent) {
			transaction.add(statement);
			if (statement.equalsIgnoreCase("commit")) {
				if (transaction.stream()
					.noneMatch(each -> each.contains("from control.tenant where")
							|| each.contains("app.update_watermark"))) {
					kept.addAll(transaction);
				}
				transaction.clear();
			}
		}
		kept.addAll(transaction);
		return kept;
	}

	/** Filed with {@code token}, or without one for the stack alone, which takes none. */
	private HttpResponse<String> file(BenchReplica replica, @Nullable String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(replica.base() + "/api/complaints"))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(Probe.COMPLAINT));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
