package sa.rawabit.platform.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.database.SchemaMigrations;
import sa.rawabit.platform.complaints.ComplaintPolicies;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestPolicies;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;

/**
 * The live path against its peers, in one command on one machine: the staff-dashboard
 * fan-out beside nginx + nchan (same connections, channels = associations, rate and event
 * size), and complaint intake through HTTP beside pgbench running the same SQL against
 * the same PostgreSQL (same clients), then intake again with live streams connected.
 * Prints one table per comparison with the ratios, and returns them so a smoke run in
 * {@code ./mvnw verify} can check that everything was delivered. Run:
 * {@code ./mvnw -B -pl platform/service -am -Pbench -DskipTests verify -Dbench.args="5000 10 20 20 16 15 5000"}
 * (streams, associations, complaints per second, seconds, intake clients, intake seconds,
 * streams connected during the second intake run, warm-up seconds; optionally the intake
 * comparison's own warm-up seconds, as C2 compiles the intake path only after minutes at
 * full speed; then the streams held over HTTP/1.1 and over HTTP/2 in the held-streams
 * run, 10,000 and 20,000 by default). Before anything is measured the replica files at
 * full speed for the warm-up seconds, and each Rawabit run is preceded by an unmeasured
 * warm-up of its own shape, so the JIT compiles the path before it is timed (the peers
 * are native code and need none); {@code -Dbench.only=fan-out}, {@code streams} or
 * {@code intake} runs one comparison alone, {@code census} the operator census alone.
 */
public final class StreamBenchmark {

	/** What to run; see the class comment for the order of the command-line arguments. */
	record Settings(int connections, int associations, int rate, int seconds, int intakeClients, int intakeSeconds,
			int streamsDuringIntake, int warmupSeconds, int intakeWarmupSeconds, int heldStreams,
			int multiplexedStreams, int rounds) {

		Settings(int connections, int associations, int rate, int seconds, int intakeClients, int intakeSeconds,
				int streamsDuringIntake, int warmupSeconds, int heldStreams, int multiplexedStreams, int rounds) {
			this(connections, associations, rate, seconds, intakeClients, intakeSeconds, streamsDuringIntake,
					warmupSeconds, warmupSeconds, heldStreams, multiplexedStreams, rounds);
		}

		/**
		 * The 9th argument, the intake's own warm-up, defaults to the 8th; the 10th and
		 * 11th are the streams held over HTTP/1.1 and over HTTP/2, the 12th the rounds.
		 */
		static Settings parse(String[] args) {
			int[] values = { 1000, 10, 10, 20, 16, 15, 1000, 10, -1, 10_000, 20_000, 3 };
			for (int i = 0; i < Math.min(args.length, values.length); i++) {
				values[i] = Integer.parseInt(args[i]);
			}
			return new Settings(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7],
					values[8] < 0 ? values[7] : values[8], values[9], values[10], Math.max(1, values[11]));
		}

		/**
		 * Complaints per second that give {@code streams} the fan-out run's deliveries
		 * per second.
		 */
		int rateFor(int streams) {
			return Math.max(1, (int) Math.round((double) rate * connections / streams));
		}
	}

	/**
	 * Both sides of both comparisons, round by round; the single figures are the median
	 * round's ({@link Rounds}).
	 */
	record Report(List<Rounds.FanOut> fanOut, FanOutResult held, FanOutResult multiplexed, List<Rounds.Intake> intake,
			IntakeResult intakeWithStreams, List<Rounds.Beside> besideStreams, List<IntakeResult> probes,
			List<CensusRun.Census> census) {

		Report withCensus(List<CensusRun.Census> counted) {
			return new Report(fanOut, held, multiplexed, intake, intakeWithStreams, besideStreams, probes, counted);
		}

		/**
		 * The median window's intake beside other associations' streams over the intake
		 * without them right before and after it: one 15-second window of either moves by
		 * a tenth or more between neighbours, so one pair cannot tell 0.9× from 1×.
		 */
		double besideStreamsRatio() {
			return Rounds.medianOf(besideStreams, Rounds.Beside::ratio);
		}

		Rounds.FanOut medianFanOut() {
			return Rounds.median(fanOut, Rounds.FanOut::cpuRatio);
		}

		Rounds.Intake medianIntake() {
			return Rounds.median(intake, Rounds.Intake::rateRatio);
		}

		FanOutResult rawabit() {
			return medianFanOut().rawabit();
		}

		FanOutResult filingAlone() {
			return medianFanOut().filingAlone();
		}

		FanOutResult nchan() {
			return medianFanOut().nchan();
		}

		IntakeResult rawabitIntake() {
			return medianIntake().rawabit();
		}

		IntakeResult pgbench() {
			return medianIntake().pgbench();
		}
	}

	/** The replica's setting for HTTP/2 beside HTTP/1.1 ({@code RAWABIT_HTTP2}). */
	static final String HTTP2 = "--server.http2.enabled=true";

	/** Requests per probe in the operator census, one after another. */
	static final int CENSUS_REQUESTS = 200;

	private StreamBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		ProcessStats.raiseFileLimit();
		Report report = run(Settings.parse(args));
		StreamReport.print(report, Settings.parse(args));
		System.exit(0);
	}

	static Report run(Settings settings) throws Exception {
		TestDatabase database = TestDatabase.get();
		// The replica would migrate its schema itself, but the policies' acknowledgement
		// fixture needs the
		// schema first: without it every filing is refused with policy-not-acknowledged.
		SchemaMigrations.migrate(database.server(DatabaseRoles.OWNER), "app");
		List<TestTenant> tenants = new ArrayList<>();
		UUID filersPolicy = null;
		for (int i = 0; i < settings.associations(); i++) {
			TestTenant tenant = TestTenants.register("bench");
			UUID version = TestPolicies.publish(tenant.id(), ComplaintPolicies.samtah());
			filersPolicy = filersPolicy == null ? version : filersPolicy;
			tenants.add(tenant);
		}
		long postmaster = ProcessStats.postmasterOf(database.endpoint().port());
		if ("census".equals(System.getProperty("bench.only"))) {
			FanOutResult notRun = FanOutResult.skipped("Rawabit", "not run (bench.only)");
			return withoutIntake(List.of(new Rounds.FanOut(notRun, notRun, notRun)), notRun, notRun, settings)
				.withCensus(census(database, tenants));
		}
		Report report;
		try (BenchReplica replica = BenchReplica.start()) {
			RawabitIntake intake = new RawabitIntake(replica, postmaster);
			TestTenant filer = tenants.getFirst();
			// A server that has run for a while has its filing path compiled; at 20
			// filings/s the JIT would take
			// minutes to get there (tier thresholds count invocations), so the unmeasured
			// warm-up files at full
			// speed first, then each comparison warms up in its own shape.
			intake.run(filer.slug(), settings.intakeClients(), settings.warmupSeconds(), "warm-up");
			List<Rounds.FanOut> fanOut = new ArrayList<>();
			for (int round = 0; runs("fan-out") && round < settings.rounds(); round++) {
				RawabitFanOut rawabit = new RawabitFanOut(replica, postmaster, tenants);
				boolean first = round == 0;
				FanOutResult streams = rawabit.run(settings.connections(), settings.rate(), settings.seconds(),
						settings.warmupSeconds(), () -> {
							if (first) {
								profile(replica, "fan-out", settings.seconds());
							}
						});
				FanOutResult filingAlone = rawabit.filingAlone(settings.rate(), settings.seconds());
				fanOut.add(new Rounds.FanOut(streams, filingAlone, replica.whilePaused(() -> NchanPeer
					.run(settings.connections(), settings.associations(), settings.rate(), settings.seconds(), 420))));
			}
			if (fanOut.isEmpty()) {
				fanOut.add(new Rounds.FanOut(FanOutResult.skipped("Rawabit", "not run (bench.only)"),
						FanOutResult.skipped("Rawabit, filing alone", "not run (bench.only)"),
						FanOutResult.skipped("nginx + nchan", "not run (bench.only)")));
			}
			FanOutResult held = FanOutResult.skipped("Rawabit", "not run (bench.only)");
			FanOutResult multiplexed = FanOutResult.skipped("Rawabit, HTTP/2", "not run (bench.only)");
			if (runs("streams")) {
				// Many streams on one replica, at the fan-out run's deliveries per
				// second:
				// a connection each (as many as one process's open files allow beside the
				// client's), then HTTP/2 streams over few connections.
				held = new RawabitFanOut(replica, postmaster, tenants).run(RawabitFanOut.Transport.HTTP_1_1,
						settings.heldStreams(), settings.rateFor(settings.heldStreams()), settings.seconds(), 0, () -> {
						});
				multiplexed = multiplexed(database, postmaster, tenants, settings);
			}
			if (!runs("intake")) {
				return withoutIntake(fanOut, held, multiplexed, settings);
			}
			intake.run(filer.slug(), settings.intakeClients(), settings.intakeWarmupSeconds(), "warm-up");
			List<IntakeResult> probes = new ArrayList<>();
			for (Probe probe : Probe.parse(System.getProperty("bench.probe", ""))) {
				// The intake's warm-up compiled the common path; the probe's own needs
				// little.
				intake.run(probe, filer.slug(), settings.intakeClients(), Math.min(10, settings.intakeWarmupSeconds()),
						"warm-up");
				profile(replica, "probe" + probe.path().replaceAll("[^A-Za-z0-9]+", "-"), settings.intakeSeconds());
				probes
					.add(intake.run(probe, filer.slug(), settings.intakeClients(), settings.intakeSeconds(), "probe"));
			}
			List<Rounds.Intake> rounds = intakeRounds(database, replica, postmaster, filer, filersPolicy, settings);
			IntakeResult withStreams = new RawabitFanOut(replica, postmaster, tenants)
				.whileConnected(settings.streamsDuringIntake(), () -> intake.run(filer.slug(), settings.intakeClients(),
						settings.intakeSeconds(), settings.streamsDuringIntake() + " live streams connected"));
			// The same number of streams, all of other associations: what holding streams
			// costs the intake, apart from delivering its events (above, the filer's
			// association watches every filing on its share). Windows with and without
			// them alternate, as many as the rounds.
			List<Rounds.Beside> besideStreams = new ArrayList<>();
			IntakeResult before = intake.run(filer.slug(), settings.intakeClients(), settings.intakeSeconds(),
					"without streams, before window 1");
			for (int round = 1; round <= settings.rounds(); round++) {
				String window = settings.streamsDuringIntake()
						+ " live streams of other associations connected, window " + round;
				IntakeResult beside = tenants.size() < 2
						? IntakeResult.skipped(RawabitIntake.SIDE, settings.intakeClients(),
								"one association: no other's streams")
						: new RawabitFanOut(replica, postmaster, tenants.subList(1, tenants.size()))
							.whileConnected(settings.streamsDuringIntake(), () -> intake.run(filer.slug(),
									settings.intakeClients(), settings.intakeSeconds(), window));
				IntakeResult after = intake.run(filer.slug(), settings.intakeClients(), settings.intakeSeconds(),
						"without streams, after window " + round);
				besideStreams.add(new Rounds.Beside(before, beside, after));
				before = after;
			}
			report = new Report(fanOut, held, multiplexed, rounds, withStreams, besideStreams, probes, List.of());
		}
		// On a replica of its own once the measured one has stopped: the count's hook
		// costs every assembly.
		return report.withCensus(census(database, tenants));
	}

	/** A report of what ran, with the intake comparisons not run. */
	private static Report withoutIntake(List<Rounds.FanOut> fanOut, FanOutResult held, FanOutResult multiplexed,
			Settings settings) {
		IntakeResult none = IntakeResult.skipped(RawabitIntake.SIDE, settings.intakeClients(), "not run (bench.only)");
		return new Report(fanOut, held, multiplexed, List.of(new Rounds.Intake(none, none, none)), none,
				List.of(new Rounds.Beside(none, none, none)), List.of(), List.of());
	}

	/**
	 * The operator census of the intake and the probes asked for; alone with
	 * {@code -Dbench.only=census}.
	 */
	private static List<CensusRun.Census> census(TestDatabase database, List<TestTenant> tenants) throws Exception {
		List<Probe> counted = new ArrayList<>(List.of(Probe.INTAKE));
		counted.addAll(Probe.parse(System.getProperty("bench.probe", "")));
		return CensusRun.run(database, tenants.getFirst().slug(), counted, CENSUS_REQUESTS);
	}

	/**
	 * The intake rounds: Rawabit, pgbench and the stack alone one after another, each
	 * with the others' servers paused. The stack alone runs only for these rounds and is
	 * warmed up as the replica was.
	 */
	private static List<Rounds.Intake> intakeRounds(TestDatabase database, BenchReplica replica, long postmaster,
			TestTenant filer, UUID policy, Settings settings) throws Exception {
		String username = BenchReplica.username(filer.slug(), "relations-officer");
		var pgbenchVariables = PgbenchPeer.variables(filer.id(), filer.slug(), policy, username);
		RawabitIntake intake = new RawabitIntake(replica, postmaster);
		int clients = settings.intakeClients();
		int seconds = settings.intakeSeconds();
		List<Rounds.Intake> rounds = new ArrayList<>();
		try (BenchReplica stack = BenchReplica.startStackAlone(database, filer, username, policy)) {
			RawabitIntake stackIntake = new RawabitIntake(stack, postmaster);
			replica.whilePaused(
					() -> stackIntake.runStackAlone(filer.slug(), clients, settings.intakeWarmupSeconds(), "warm-up"));
			for (int round = 1; round <= settings.rounds(); round++) {
				String note = "round " + round;
				if (round == 1) {
					// Here, not before the stack alone's start and warm-up: a paused
					// replica's recording runs out its wall-clock duration unsampled. The
					// stack's lasts through Rawabit's and pgbench's runs, paused, to its
					// own.
					profile(replica, "intake", seconds);
					profile(stack, "stack-alone", 3 * seconds + 10);
				}
				IntakeResult rawabit = stack.whilePaused(() -> intake.run(filer.slug(), clients, seconds, note));
				IntakeResult pgbench = replica
					.whilePaused(() -> stack.whilePaused(() -> PgbenchPeer.run(database.endpoint(),
							DatabaseRoles.PLATFORM, TestDatabase.ROLE_PASSWORD, pgbenchVariables, clients, seconds)));
				IntakeResult alone = replica
					.whilePaused(() -> stackIntake.runStackAlone(filer.slug(), clients, seconds, note));
				rounds.add(new Rounds.Intake(rawabit, pgbench, alone));
			}
		}
		return rounds;
	}

	/**
	 * The HTTP/2 streams, on a replica of their own with HTTP/2 on (as behind a load
	 * balancer that speaks it to the replicas): the shipped replica, measured everywhere
	 * else, has it off, and with it on every HTTP/1.1 connection also holds the h2c
	 * upgrade's codec (HPACK tables: about 10 KB more per stream in a class histogram).
	 */
	private static FanOutResult multiplexed(TestDatabase database, long postmaster, List<TestTenant> tenants,
			Settings settings) throws Exception {
		try (BenchReplica replica = BenchReplica.start(database, List.of(BenchReplica.AS_SHIPPED, HTTP2))) {
			// Warmed up as the first replica was: its filing path at full speed, then the
			// run's own shape unmeasured (a third as long: 20,000 streams).
			new RawabitIntake(replica, postmaster).run(tenants.getFirst().slug(), settings.intakeClients(),
					settings.warmupSeconds(), "warm-up");
			return new RawabitFanOut(replica, postmaster, tenants).run(RawabitFanOut.Transport.H2C,
					settings.multiplexedStreams(), settings.rateFor(settings.multiplexedStreams()), settings.seconds(),
					settings.warmupSeconds() / 3, () -> {
					});
		}
	}

	/** Whether {@code -Dbench.only} (unset: everything) asks for {@code comparison}. */
	private static boolean runs(String comparison) {
		String only = System.getProperty("bench.only", "");
		return only.isBlank() || only.equals(comparison);
	}

	/**
	 * With {@code -Dbench.jfr=DIR}, records a JFR profile of the replica's next run into
	 * DIR.
	 */
	private static void profile(BenchReplica replica, String run, int seconds) {
		String dir = System.getProperty("bench.jfr");
		if (dir != null && !dir.isBlank()) {
			try {
				replica.profile(java.nio.file.Path.of(dir, run + ".jfr"), java.time.Duration.ofSeconds(seconds + 5L));
			}
			catch (Exception failed) {
				System.out.println("[bench] no JFR profile of " + run + ": " + failed);
			}
		}
	}

}
