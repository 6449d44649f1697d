package sa.rawabit.platform.bench;

import java.util.Arrays;
import java.util.List;

/**
 * A further address measured beside the intake with the same clients and staff token
 * ({@code -Dbench.probe=GET:/actuator/health/liveness;GET:/api/me}): what the replica
 * spends on a request before any work of the intake's own (the common filters, security,
 * the error path), so the intake's cost can be taken apart. A colon divides the method
 * from the path, a semicolon one probe from the next (Maven passes the property through a
 * command line that splits at spaces).
 */
record Probe(String method, String path) {

	/** The staff complaint intake itself. */
	static final Probe INTAKE = new Probe("POST", "/api/complaints");

	/**
	 * The complaint every filing of the benchmarks sends (and every POST probe): logged
	 * from a fax, as the Samtah seed policy lets a relations officer log it.
	 */
	static final String COMPLAINT = """
			{"channel":"fax","name":"مستفيد","subject":"شكوى","description":"نص الشكوى"}""";

	Probe {
		if (!List.of("GET", "POST").contains(method) || !path.startsWith("/")) {
			throw new IllegalArgumentException("A probe is GET:/path or POST:/path, not " + method + ":" + path);
		}
	}

	/** The probes of {@code spec}; none when it is blank. */
	static List<Probe> parse(String spec) {
		return Arrays.stream(spec.split(";")).map(String::strip).filter(probe -> !probe.isEmpty()).map(probe -> {
			int colon = probe.indexOf(':');
			if (colon < 0) {
				throw new IllegalArgumentException("A probe is GET:/path or POST:/path, not " + probe);
			}
			return new Probe(probe.substring(0, colon), probe.substring(colon + 1));
		}).toList();
	}

	boolean isIntake() {
		return equals(INTAKE);
	}

	String side() {
		return "Rawabit " + method + " " + path;
	}

}
