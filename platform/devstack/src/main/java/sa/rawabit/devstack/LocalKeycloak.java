package sa.rawabit.devstack;

import java.util.Arrays;

/**
 * The local stack's Keycloak: the demo realm on {@code 127.0.0.1:8180} (management 9180)
 * with its data kept in {@code ${RAWABIT_HOME:-~/.rawabit}/keycloak/local}; a ready
 * Keycloak already on that port is reused. Runs until killed (Ctrl-C stops the Keycloak
 * it started).
 *
 * <p>
 * {@code --fresh} deletes the database first, so the realm is imported again (Keycloak
 * skips realms that exist). {@code -Drawabit.keycloak.port} and
 * {@code -Drawabit.keycloak.management-port} change the ports.
 */
public final class LocalKeycloak {

	private LocalKeycloak() {
	}

	public static void main(String[] args) throws InterruptedException {
		boolean fresh = Arrays.asList(args).contains("--fresh");
		KeycloakOptions options = KeycloakOptions.defaults()
			.withPorts(Integer.getInteger("rawabit.keycloak.port", 8180),
					Integer.getInteger("rawabit.keycloak.management-port", 9180))
			.withWipeData(fresh)
			.withReuseRunning(!fresh);
		KeycloakServer server = KeycloakServer.start(options);
		var stopping = new java.util.concurrent.atomic.AtomicBoolean();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			stopping.set(true);
			server.close();
		}, "rawabit-keycloak-stop"));
		System.out.println("[rawabit] Keycloak issuer: " + server.issuer());
		System.out.println("[rawabit] Admin console: " + server.baseUrl() + "/admin (" + options.adminUsername() + " / "
				+ options.adminPassword() + ", dev only)");
		System.out.println("[rawabit] Demo users: see deploy/keycloak/README.md (password demo-pass)");
		server.awaitExit();
		if (!server.reused() && !stopping.get()) {
			System.err.println("[rawabit] Keycloak exited; log: " + server.logFile());
			System.exit(1);
		}
	}

}
