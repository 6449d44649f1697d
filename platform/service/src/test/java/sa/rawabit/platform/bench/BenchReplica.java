package sa.rawabit.platform.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.stackalone.StackAloneServer;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestTenants.TestTenant;

/**
 * One platform replica in its own JVM ({@link BenchServer}, {@code -Xmx1g}): for the
 * benchmarks, so its CPU and memory are measured alone and client and server sockets do
 * not share one descriptor limit; for the crash tests, so it can really be killed. Tokens
 * are HMAC-signed here instead of issued by Keycloak: the benchmarks measure fan-out and
 * intake, not sign-in.
 */
public final class BenchReplica implements AutoCloseable {

	static final String SECRET = "rawabit-benchmark-secret-at-least-256-bits-long!!";

	/**
	 * As deployed (deploy/docker/Dockerfile, compose, Kubernetes, deploy/local/run.sh):
	 * 8-byte object headers (JDK 25); the replicas measured here are the replicas
	 * shipped.
	 */
	static final String COMPACT_HEADERS = "-XX:+UseCompactObjectHeaders";

	/**
	 * As deployed (InitialRAMPercentage = MaxRAMPercentage): the heap committed at its
	 * full size from the start, so thousands of open streams are a small share of it and
	 * G1 does not mark it again and again.
	 */
	static final String FULL_HEAP = "-Xms1g";

	/**
	 * The committed heap's pages made resident at start: a heap committed in full is not
	 * given back after a collection, so its pages' residency told how much of it had been
	 * touched, not what streams keep alive. With every page resident, RSS grows only
	 * outside the heap, and the heap's share is read as its live size
	 * ({@link #heapUsedKb}).
	 */
	static final String RESIDENT_HEAP = "-XX:+AlwaysPreTouch";

	/**
	 * The benchmarks' replica reads only the application's own configuration: on the test
	 * classpath it also found the tests' {@code config/application.yml} (reactions swept
	 * every 3 s instead of 30, a sign-in limit for browser runs), and was measured busier
	 * than the replica shipped.
	 */
	static final String AS_SHIPPED = "--spring.config.location=classpath:/application.yml";

	private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total[^\\n]*?used (\\d+)K");

	private final Process process;

	private final String base;

	private final long pid;

	private final NimbusJwtEncoder encoder = new NimbusJwtEncoder(
			new ImmutableSecret<>(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256")));

	private BenchReplica(Process process, String base, long pid) {
		this.process = process;
		this.base = base;
		this.pid = pid;
	}

	static BenchReplica start() throws Exception {
		return start(TestDatabase.get(), List.of(AS_SHIPPED));
	}

	/**
	 * A replica on {@code database}, with further Spring {@code arguments}
	 * ({@code --name=value}).
	 */
	public static BenchReplica start(TestDatabase database, List<String> arguments) throws Exception {
		return start(database, tried(), arguments);
	}

	/** As above, with these JVM options instead of the tried ones. */
	static BenchReplica start(TestDatabase database, List<String> options, List<String> arguments) throws Exception {
		return start(BenchServer.class.getName(), database, options, arguments);
	}

	/**
	 * The stack the platform is built on, alone ({@link StackAloneServer}), filing for
	 * {@code filer} as {@code username} under {@code policyVersion} with the intake's
	 * SQL, in a JVM like the replica's; answers at {@link #base()} as a replica does.
	 */
	static BenchReplica startStackAlone(TestDatabase database, TestTenant filer, String username, UUID policyVersion)
			throws Exception {
		return start(StackAloneServer.class.getName(), database, tried(), List.of("--stack.tenant=" + filer.id(),
				"--stack.policy-version=" + policyVersion, "--stack.username=" + username));
	}

	private static BenchReplica start(String main, TestDatabase database, List<String> options, List<String> arguments)
			throws Exception {
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				"-Xmx1g", FULL_HEAP, RESIDENT_HEAP, COMPACT_HEADERS, "-XX:FlightRecorderOptions:stackdepth=1024"));
		command.addAll(options);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), main, SECRET, "--server.port=0",
				"--spring.profiles.active=dev", "--spring.application.name=rawabit-bench", "--logging.level.root=WARN",
				"--logging.structured.format.console=", "--rawabit.security.issuer=http://127.0.0.1:1/realms/bench"));
		database.register((name, value) -> command.add("--" + name + "=" + value.get()), DatabaseRoles.PLATFORM);
		command.addAll(arguments);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = out.readLine()) != null) {
			if (line.startsWith("BENCH-READY")) {
				Thread drain = new Thread(() -> out.lines().forEach(System.out::println), "bench-replica-output");
				drain.setDaemon(true);
				drain.start();
				String[] ready = line.split(" ");
				return new BenchReplica(process, "http://127.0.0.1:" + ready[1], Long.parseLong(ready[2]));
			}
			System.out.println(line);
		}
		throw new IllegalStateException("The benchmark replica did not start");
	}

	/**
	 * JVM options to try on the replica ({@code -Dbench.replica}, comma-separated), so a
	 * variant is measured in one command beside the peer without editing the code;
	 * printed so a report says what it measured.
	 */
	private static List<String> tried() {
		String options = System.getProperty("bench.replica", "");
		if (options.isBlank()) {
			return List.of();
		}
		System.out.println("[bench] replica JVM options tried: " + options);
		return options(options);
	}

	/**
	 * {@code options} split where a comma is followed by the next option's dash: an
	 * option's own commas ({@code -Xlog:gc:file=gc.log:uptime,time}) stay in it.
	 */
	static List<String> options(String options) {
		return List.of(options.split(",(?=-)"));
	}

	public String base() {
		return base;
	}

	long pid() {
		return pid;
	}

	/**
	 * A staff token of {@code role} in association {@code slug}; its subject has
	 * acknowledged the policy.
	 */
	public String token(String slug, String role) {
		return token(encoder, slug, role, role);
	}

	/**
	 * The username {@link #token(String, String)} gives a staff member of {@code role} in
	 * {@code slug}: what the stack alone and pgbench file as, to write the same rows.
	 */
	static String username(String slug, String role) {
		return role + "@" + slug;
	}

	/**
	 * As {@link #token(String, String)}, signed by {@code encoder}, for the person
	 * {@code user@slug}.
	 */
	static String token(NimbusJwtEncoder encoder, String slug, String user, String role) {
		Instant now = Instant.now();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			// TestTokens' subject: TestPolicies.publish records its policy
			// acknowledgement, so filing is not refused.
			.subject("user-" + slug)
			.issuedAt(now)
			.expiresAt(now.plus(Duration.ofHours(2)))
			.audience(List.of("rawabit-api"))
			.claim("preferred_username", username(slug, user))
			.claim("organization", List.of(slug))
			.claim("groups", List.of("/" + slug + "/" + role))
			.build();
		return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
	}

	/**
	 * Collects the replica's garbage, so {@link #heapUsedKb} is what stays alive.
	 */
	void collectGarbage() throws Exception {
		jcmd("GC.run");
		Thread.sleep(500);
	}

	/**
	 * The heap in use, in KB ({@code GC.heap_info}); right after {@link #collectGarbage},
	 * what stays alive.
	 */
	long heapUsedKb() throws Exception {
		Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
		if (!used.find()) {
			throw new IllegalStateException("The replica's heap info named no heap in use");
		}
		return Long.parseLong(used.group(1));
	}

	/**
	 * The replica's memory in KB: the heap in use plus RSS. All of the heap's pages are
	 * resident ({@link #RESIDENT_HEAP}), so between two readings after
	 * {@link #collectGarbage} RSS grows only outside the heap, and the difference is what
	 * idle streams keep: their live heap and what they hold outside it.
	 */
	long memoryKb() throws Exception {
		return heapUsedKb() + ProcessStats.rssKb(pid);
	}

	private String jcmd(String command) throws Exception {
		Path jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd");
		Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true)
			.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor(60, TimeUnit.SECONDS);
		return out;
	}

	/**
	 * With a file name ({@code -Dbench.histo=FILE}): the replica's live objects by class,
	 * with the streams open.
	 */
	void histogram(String file) throws Exception {
		if (file.isBlank()) {
			return;
		}
		Path jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd");
		new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram").redirectErrorStream(true)
			.redirectOutput(Path.of(file).toFile())
			.start()
			.waitFor(60, TimeUnit.SECONDS);
	}

	/**
	 * Runs {@code peer} with the replica stopped (SIGSTOP): left running, it would read
	 * and fan out the rows pgbench writes to the outbox, taking CPU from the peer's run.
	 * Then resumes it and waits (at most a minute) until it has caught up: under a
	 * twentieth of a core over half a second.
	 */
	<T> T whilePaused(java.util.concurrent.Callable<T> peer) throws Exception {
		signal("STOP");
		try {
			return peer.call();
		}
		finally {
			signal("CONT");
			awaitQuiet();
		}
	}

	/**
	 * Waits (at most a minute) until the replica used under 5% of a core over half a
	 * second; returns its CPU share over the last half second (a fraction of one core).
	 */
	double awaitQuiet() throws InterruptedException {
		long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
		double before = ProcessStats.cpuSeconds(pid);
		double share;
		do {
			Thread.sleep(500);
			double now = ProcessStats.cpuSeconds(pid);
			share = (now - before) / 0.5;
			if (share < 0.05) {
				return share;
			}
			before = now;
		}
		while (System.nanoTime() < until);
		return share;
	}

	private void signal(String name) throws Exception {
		new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
	}

	/**
	 * Starts a JFR recording in the replica (deep stacks need
	 * {@code -XX:FlightRecorderOptions:stackdepth}).
	 */
	void profile(Path file, Duration duration) throws Exception {
		Path jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd");
		new ProcessBuilder(jcmd.toString(), Long.toString(pid), "JFR.start", "settings=profile",
				// A sample per millisecond and thread (the profile's 10-20 ms left a 15 s
				// intake run ~1,000 samples: too few to tell layers apart).
				"jdk.ExecutionSample#period=1ms",
				// And a sample per millisecond of each thread's CPU time (JDK 25's
				// CPU-time sampler, Linux only): the execution sampler saw about half of
				// the event loops' user time, none of it outside Java frames.
				"jdk.CPUTimeSample#enabled=true", "jdk.CPUTimeSample#throttle=1ms",
				"duration=" + duration.toSeconds() + "s", "filename=" + file.toAbsolutePath())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start()
			.waitFor(60, TimeUnit.SECONDS);
	}

	/**
	 * SIGKILL: no shutdown hook, no graceful drain; whatever was in flight is cut where
	 * it stood.
	 */
	public void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor(20, TimeUnit.SECONDS);
	}

	@Override
	public void close() throws Exception {
		process.destroy();
		process.waitFor(20, TimeUnit.SECONDS);
	}

}
