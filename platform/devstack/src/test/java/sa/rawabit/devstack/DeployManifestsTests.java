package sa.rawabit.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The deployment files under {@code deploy/}, checked statically (no Docker engine, no
 * cluster): each test parses the files and fails when a property the deployment relies on
 * breaks.
 */
class DeployManifestsTests {

	private static final Path ROOT = repositoryRoot();

	static final Path DEPLOY = ROOT.resolve("deploy");

	private static final String PLATFORM = "rawabit-platform";

	private static final String TENANT_ADMIN = "rawabit-tenant-admin";

	private static final Set<String> APPS = Set.of(PLATFORM, TENANT_ADMIN);

	private static final String NAME_LABEL = "app.kubernetes.io/name";

	/**
	 * The setting that carries the Keycloak admin-API client secret
	 * (rawabit.keycloak.client-secret).
	 */
	private static final Set<String> KEYCLOAK_ADMIN_SECRET_KEYS = Set.of("RAWABIT_KEYCLOAK_CLIENTSECRET",
			"RAWABIT_KEYCLOAK_CLIENT_SECRET");

	private static final Pattern PLACEHOLDER = Pattern
		.compile("(?i)(change[-_]?me[-_a-z0-9]*|<[a-z0-9 _.-]+>|\\$\\{[A-Z0-9_]+})");

	private static final Pattern COMPOSE_VARIABLE = Pattern
		.compile("(?<!\\$)\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)([^}]*)}|([A-Za-z_][A-Za-z0-9_]*))");

	private static final Pattern PLATFORM_SERVICE = Pattern.compile("platform(-\\d+)?");

	private static final List<String> DASHBOARD_METRICS = List.of("http_server_requests_seconds_count",
			"r2dbc_pool_acquired_connections", "r2dbc_pool_pending_connections", "jvm_memory_used_bytes",
			"rawabit_policy_loaded_tenants", "rawabit_policy_reloads_total");

	private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
			"group_right", "bool", "offset", "and", "or", "unless", "inf", "nan");

	// ---- Kubernetes
	// ----------------------------------------------------------------------------

	@Test
	void everyDeploymentWhenReadThenProbesOnActuatorHealthAndResourceLimits() {
		List<Map<String, Object>> deployments = kind("Deployment");
		assertThat(deployments).extracting(DeployManifestsTests::name).contains(PLATFORM, TENANT_ADMIN);

		for (Map<String, Object> deployment : deployments) {
			List<Map<String, Object>> containers = list(path(deployment, "spec", "template", "spec"), "containers");
			assertThat(containers).as(name(deployment)).isNotEmpty();
			for (Map<String, Object> container : containers) {
				String where = name(deployment) + "/" + container.get("name");
				if (!APPS.contains(name(deployment))) { // e.g. Redis: probes of its own
														// kind
					assertThat(container).as(where + " probes").containsKeys("livenessProbe", "readinessProbe");
					assertThat(map(container, "resources")).as(where + " resources").containsKeys("limits", "requests");
					continue;
				}
				assertProbe(container, "livenessProbe", "/actuator/health/liveness", where);
				assertProbe(container, "readinessProbe", "/actuator/health/readiness", where);
				assertProbe(container, "startupProbe", "/actuator/health/liveness", where);

				Map<String, Object> resources = map(container, "resources");
				assertThat(resources).as(where + " resources").isNotNull();
				Map<String, Object> limits = map(resources, "limits");
				Map<String, Object> requests = map(resources, "requests");
				assertThat(limits).as(where + " resources.limits").isNotNull().containsKeys("memory", "cpu");
				assertThat(requests).as(where + " resources.requests").isNotNull().containsKeys("memory", "cpu");
				assertThat(bytes(limits.get("memory"))).as(where + " memory limit >= request")
					.isGreaterThanOrEqualTo(bytes(requests.get("memory")));
			}
		}
	}

	@Test
	void platformDeploymentWhenReadThenSeveralReplicasAndADisruptionBudget() {
		Map<String, Object> platform = named(kind("Deployment"), PLATFORM);
		int replicas = ((Number) path(platform, "spec").getOrDefault("replicas", 1)).intValue();
		assertThat(replicas).as("platform replicas").isGreaterThanOrEqualTo(2);

		Map<String, Object> podLabels = path(platform, "spec", "template", "metadata", "labels");
		List<Map<String, Object>> budgets = kind("PodDisruptionBudget").stream()
			.filter(pdb -> selects(path(pdb, "spec", "selector"), podLabels))
			.toList();
		assertThat(budgets).as("a PodDisruptionBudget selecting the platform's pods").hasSize(1);
		Map<String, Object> spec = path(budgets.getFirst(), "spec");
		if (spec.get("maxUnavailable") instanceof Number max) {
			assertThat(max.intValue()).as("maxUnavailable").isBetween(1, replicas - 1);
		}
		else {
			assertThat(spec.get("minAvailable")).as("minAvailable or maxUnavailable as a number")
				.isInstanceOf(Number.class);
			assertThat(((Number) spec.get("minAvailable")).intValue()).isBetween(1, replicas - 1);
		}
	}

	@Test
	void secretsWhenReadThenOnlyPlaceholders() {
		List<Map<String, Object>> secrets = kind("Secret");
		assertThat(secrets).isNotEmpty();
		for (Map<String, Object> secret : secrets) {
			Map<String, String> values = new LinkedHashMap<>();
			Map<String, Object> stringData = map(secret, "stringData");
			if (stringData != null) {
				stringData.forEach((key, value) -> values.put(key, String.valueOf(value)));
			}
			Map<String, Object> data = map(secret, "data");
			if (data != null) {
				data.forEach((key, value) -> values.put(key,
						new String(Base64.getDecoder().decode(String.valueOf(value)), StandardCharsets.UTF_8)));
			}
			assertThat(values).as(name(secret)).isNotEmpty();
			values.forEach((key, value) -> assertThat(value).as(name(secret) + "." + key + " must be a placeholder")
				.matches(PLACEHOLDER));
		}
	}

	@Test
	void kustomizationsWhenReadThenEveryResourceExistsAndEveryManifestIsListed() throws IOException {
		List<Path> kustomizations = yamlFiles(DEPLOY.resolve("kubernetes")).stream()
			.filter(file -> file.getFileName().toString().equals("kustomization.yaml"))
			.toList();
		assertThat(kustomizations).as("deploy/kubernetes/kustomization.yaml").isNotEmpty();
		assertThat(kustomizations).contains(DEPLOY.resolve("kubernetes/kustomization.yaml"));

		Set<Path> listed = new HashSet<>();
		for (Path kustomization : kustomizations) {
			Map<String, Object> body = documents(kustomization).getFirst();
			List<Object> resources = objects(body, "resources");
			assertThat(resources).as(kustomization + " resources").isNotEmpty();
			for (Object resource : resources) {
				Path target = kustomization.getParent().resolve(String.valueOf(resource)).normalize();
				if (Files.isDirectory(target)) {
					assertThat(target.resolve("kustomization.yaml")).as(kustomization + ": " + resource)
						.isRegularFile();
				}
				else {
					assertThat(target).as(kustomization + ": " + resource).isRegularFile();
					listed.add(target);
				}
			}
		}
		List<Path> manifests = yamlFiles(DEPLOY.resolve("kubernetes")).stream()
			.filter(file -> !kustomizations.contains(file))
			.toList();
		assertThat(listed).as("manifests some kustomization lists").containsAll(manifests);
	}

	@Test
	void servicesAndIngressWhenReadThenPointAtRealPodsAndPortsAndStreamUnbuffered() {
		List<Map<String, Object>> deployments = kind("Deployment");
		List<Map<String, Object>> services = kind("Service");
		assertThat(services).extracting(DeployManifestsTests::name).contains(PLATFORM, TENANT_ADMIN);
		for (Map<String, Object> service : services) {
			Map<String, Object> selector = path(service, "spec", "selector");
			Map<String, Object> deployment = deployments.stream()
				.filter(d -> labelsMatch(selector, path(d, "spec", "template", "metadata", "labels")))
				.findFirst()
				.orElseThrow(() -> new AssertionError("Service " + name(service) + " selects no Deployment's pods"));
			Set<Object> containerPorts = containerPorts(deployment);
			for (Map<String, Object> port : list(path(service, "spec"), "ports")) {
				assertThat(containerPorts).as("Service " + name(service) + " targetPort")
					.contains(port.getOrDefault("targetPort", port.get("port")));
			}
		}

		List<Map<String, Object>> ingresses = kind("Ingress");
		assertThat(ingresses).isNotEmpty();
		for (Map<String, Object> ingress : ingresses) {
			Map<String, Object> annotations = path(ingress, "metadata", "annotations");
			assertThat(annotations).as("SSE through ingress-nginx")
				.containsEntry("nginx.ingress.kubernetes.io/proxy-buffering", "off");
			assertThat(
					Integer.parseInt(String.valueOf(annotations.get("nginx.ingress.kubernetes.io/proxy-read-timeout"))))
				.as("proxy-read-timeout (s) outlasts idle SSE streams")
				.isGreaterThanOrEqualTo(300);
			for (Map<String, Object> rule : list(path(ingress, "spec"), "rules")) {
				for (Map<String, Object> httpPath : list(path(rule, "http"), "paths")) {
					Map<String, Object> backend = path(httpPath, "backend", "service");
					Map<String, Object> service = named(services, String.valueOf(backend.get("name")));
					assertThat(name(service)).as("the Ingress serves the platform only").isEqualTo(PLATFORM);
					Map<String, Object> port = map(backend, "port");
					Object wanted = port.containsKey("name") ? port.get("name") : port.get("number");
					assertThat(list(path(service, "spec"), "ports"))
						.extracting(p -> port.containsKey("name") ? p.get("name") : p.get("port"))
						.as("Ingress %s backend port", name(ingress))
						.contains(wanted);
					assertThat(String.valueOf(wanted)).as("the Ingress never exposes the management port")
						.isNotEqualTo("management");
				}
			}
		}
	}

	@Test
	void networkPoliciesWhenReadThenOnlyTheApplicationsReachPostgres() {
		List<Map<String, Object>> policies = kind("NetworkPolicy");
		assertThat(policies).as("a default-deny egress policy for every pod").anySatisfy(policy -> {
			Map<String, Object> spec = path(policy, "spec");
			assertThat(map(spec, "podSelector")).isEmpty();
			assertThat(objects(spec, "policyTypes")).contains("Egress");
			assertThat(list(spec, "egress")).isNullOrEmpty();
		});

		boolean someoneReachesPostgres = false;
		for (Map<String, Object> policy : policies) {
			Map<String, Object> spec = path(policy, "spec");
			List<Map<String, Object>> egress = list(spec, "egress");
			if (egress == null) {
				continue;
			}
			for (Map<String, Object> rule : egress) {
				List<Map<String, Object>> ports = list(rule, "ports");
				boolean postgres = ports == null || ports.isEmpty()
						|| ports.stream().anyMatch(port -> Objects.equals(port.get("port"), 5432));
				if (postgres) {
					someoneReachesPostgres = true;
					assertThat(selectedApplications(map(spec, "podSelector")))
						.as("NetworkPolicy %s lets pods reach PostgreSQL (5432): it may select only the applications",
								name(policy))
						.isNotEmpty()
						.isSubsetOf(APPS);
				}
			}
		}
		assertThat(someoneReachesPostgres).as("some policy lets the applications reach PostgreSQL").isTrue();
	}

	@Test
	void keycloakAdminSecretWhenDeployedThenOnlyTenantAdminHoldsIt() {
		Set<String> adminSecrets = kind("Secret").stream()
			.filter(secret -> secretKeys(secret).stream().anyMatch(KEYCLOAK_ADMIN_SECRET_KEYS::contains))
			.map(DeployManifestsTests::name)
			.collect(Collectors.toSet());
		assertThat(adminSecrets).as("a Secret holding the Keycloak admin client secret").isNotEmpty();

		for (Map<String, Object> deployment : kind("Deployment")) {
			Set<String> referenced = new HashSet<>();
			Set<String> envNames = new HashSet<>();
			for (Map<String, Object> container : list(path(deployment, "spec", "template", "spec"), "containers")) {
				for (Map<String, Object> source : listOrEmpty(container, "envFrom")) {
					Map<String, Object> ref = map(source, "secretRef");
					if (ref != null) {
						referenced.add(String.valueOf(ref.get("name")));
					}
				}
				for (Map<String, Object> env : listOrEmpty(container, "env")) {
					envNames.add(String.valueOf(env.get("name")));
					Map<String, Object> from = map(env, "valueFrom");
					if (from != null && map(from, "secretKeyRef") != null) {
						referenced.add(String.valueOf(map(from, "secretKeyRef").get("name")));
					}
				}
			}
			for (Map<String, Object> volume : listOrEmpty(path(deployment, "spec", "template", "spec"), "volumes")) {
				if (map(volume, "secret") != null) {
					referenced.add(String.valueOf(map(volume, "secret").get("secretName")));
				}
			}
			if (name(deployment).equals(TENANT_ADMIN)) {
				assertThat(referenced).as("tenant-admin gets the Keycloak admin client secret")
					.containsAnyElementsOf(adminSecrets);
			}
			else {
				assertThat(referenced).as(name(deployment) + " must not mount the Keycloak admin client secret")
					.doesNotContainAnyElementsOf(adminSecrets);
				assertThat(envNames).as(name(deployment) + " env")
					.doesNotContainAnyElementsOf(KEYCLOAK_ADMIN_SECRET_KEYS);
			}
		}
	}

	@Test
	void ownerPasswordWhenDeployedThenOnlyTheMigrationInitContainersHoldIt() {
		Set<String> ownerSecrets = kind("Secret").stream()
			.filter(secret -> secretKeys(secret).contains("RAWABIT_DB_OWNER_PASSWORD"))
			.map(DeployManifestsTests::name)
			.collect(Collectors.toSet());
		assertThat(ownerSecrets).as("Secrets holding the schema owner's password").isNotEmpty();
		for (Map<String, Object> deployment : kind("Deployment")) {
			if (!APPS.contains(name(deployment))) {
				continue;
			}
			Map<String, Object> pod = path(deployment, "spec", "template", "spec");
			for (Map<String, Object> container : list(pod, "containers")) {
				assertThat(secretRefs(container)).as(name(deployment) + " replicas must not mount the owner's password")
					.doesNotContainAnyElementsOf(ownerSecrets);
				assertThat(listOrEmpty(container, "env")).as(name(deployment) + " replicas do not migrate at start")
					.anySatisfy(env -> assertThat(env).containsEntry("name", "RAWABIT_DB_MIGRATEATSTART")
						.containsEntry("value", "false"));
			}
			assertThat(listOrEmpty(pod, "initContainers")).as(name(deployment) + " migrates in an init container")
				.anySatisfy(init -> {
					assertThat(String.valueOf(init.get("args"))).contains("--migrate-only");
					assertThat(secretRefs(init)).containsAnyElementsOf(ownerSecrets);
				});
		}
	}

	private static Set<String> secretRefs(Map<String, Object> container) {
		Set<String> names = new HashSet<>();
		for (Map<String, Object> source : listOrEmpty(container, "envFrom")) {
			Map<String, Object> ref = map(source, "secretRef");
			if (ref != null) {
				names.add(String.valueOf(ref.get("name")));
			}
		}
		return names;
	}

	// ---- Compose
	// -------------------------------------------------------------------------------

	@Test
	void composeWhenReadThenTwoPlatformReplicasBehindHealthChecks() {
		Map<String, Object> services = map(compose(), "services");
		assertThat(services).containsKeys("postgres", "keycloak", "tenant-admin", "prometheus", "grafana");

		int replicas = 0;
		for (String service : platformServices()) {
			Map<String, Object> definition = map(services, service);
			Map<String, Object> deploy = map(definition, "deploy");
			replicas += deploy == null ? 1 : ((Number) deploy.getOrDefault("replicas", 1)).intValue();
			assertThat(String.valueOf(path(definition, "build", "args").get("JAR")))
				.as(service + " runs the platform jar")
				.startsWith("platform/service/target/rawabit-platform-");
			assertThat(map(definition, "environment")).as(service + " environment")
				.doesNotContainKeys(KEYCLOAK_ADMIN_SECRET_KEYS.toArray(String[]::new));
		}
		assertThat(replicas).as("platform replicas in compose").isGreaterThanOrEqualTo(2);

		for (String service : Stream.concat(platformServices().stream(), Stream.of("tenant-admin")).toList()) {
			Map<String, Object> definition = map(services, service);
			assertThat(String.valueOf(path(definition, "healthcheck").get("test"))).as(service + " healthcheck")
				.contains("/actuator/health/readiness");
			Map<String, Object> environment = map(definition, "environment");
			assertThat(String.valueOf(environment.get("RAWABIT_DB_URL"))).as(service + " RAWABIT_DB_URL")
				.startsWith("postgresql://postgres:");
		}
		assertThat(String.valueOf(path(services, "keycloak").get("image"))).startsWith("quay.io/keycloak/keycloak:26");
		assertThat(String.valueOf(path(services, "postgres").get("image"))).isEqualTo("postgres:18");
	}

	/**
	 * As in Kubernetes: one step migrates as the owner and exits; replicas start after
	 * it, without the password.
	 */
	@Test
	void composeWhenReadThenOneShotMigrationBeforeThePlatformReplicasWhichNeverHoldTheOwnerPassword() {
		Map<String, Object> services = map(compose(), "services");
		Map<String, Object> migrate = map(services, "platform-migrate");
		assertThat(migrate).as("a one-shot platform-migrate service").isNotNull();
		assertThat(String.valueOf(migrate.get("command"))).contains("--migrate-only");
		assertThat(String.valueOf(migrate.get("restart"))).isEqualTo("no");
		assertThat(String.valueOf(path(migrate, "build", "args").get("JAR")))
			.startsWith("platform/service/target/rawabit-platform-");
		assertThat(map(migrate, "environment")).containsKey("RAWABIT_DB_OWNER_PASSWORD");
		assertThat(path(migrate, "depends_on", "tenant-admin").get("condition")).as("the control schema first")
			.isEqualTo("service_healthy");

		for (String service : platformServices()) {
			Map<String, Object> definition = map(services, service);
			assertThat(path(definition, "depends_on", "platform-migrate").get("condition"))
				.as(service + " waits for it")
				.isEqualTo("service_completed_successfully");
			Map<String, Object> environment = map(definition, "environment");
			assertThat(String.valueOf(environment.get("RAWABIT_DB_MIGRATEATSTART"))).as(service + " migrates at start")
				.isEqualTo("false");
			assertThat(environment).as(service + " holds the owner's password")
				.doesNotContainKey("RAWABIT_DB_OWNER_PASSWORD");
		}
	}

	/**
	 * Every way the replicas ship starts the JVM alike, its heap committed at the size it
	 * may grow to (G1 marked a heap grown on demand again and again beside thousands of
	 * open streams).
	 */
	@Test
	void javaOptionsWhenReadThenTheSameEverywhereWithTheHeapCommittedInFull() throws IOException {
		Pattern options = Pattern.compile("JAVA_TOOL_OPTIONS[=:]\\s*\"?(-XX:[^\"\\n]+?)\"?\\s*(?:\\\\)?$",
				Pattern.MULTILINE);
		List<String> found = new ArrayList<>();
		for (Path file : List.of(DEPLOY.resolve("docker/Dockerfile"), DEPLOY.resolve("compose.yaml"),
				DEPLOY.resolve("kubernetes/configmap.yaml"))) {
			Matcher matcher = options.matcher(Files.readString(file));
			assertThat(matcher.find()).as(file + " sets JAVA_TOOL_OPTIONS").isTrue();
			found.add(matcher.group(1).strip());
		}
		assertThat(found).as("the same options in the Dockerfile, compose and Kubernetes")
			.containsOnly(found.getFirst());
		Matcher max = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(found.getFirst());
		Matcher initial = Pattern.compile("-XX:InitialRAMPercentage=(\\d+)").matcher(found.getFirst());
		assertThat(max.find() && initial.find()).as("both percentages set").isTrue();
		assertThat(initial.group(1)).as("the heap committed in full").isEqualTo(max.group(1));
	}

	@Test
	void composeWhenReadThenEveryVariableHasADefaultOrIsDocumented() throws IOException {
		// Compose interpolates everything but comment lines.
		String compose = Files.readAllLines(DEPLOY.resolve("compose.yaml"))
			.stream()
			.filter(line -> !line.stripLeading().startsWith("#"))
			.collect(Collectors.joining("\n"));
		String readme = Files.readString(DEPLOY.resolve("README.md"));
		Matcher matcher = COMPOSE_VARIABLE.matcher(compose);
		Set<String> variables = new LinkedHashSet<>();
		while (matcher.find()) {
			String variable = matcher.group(1) != null ? matcher.group(1) : matcher.group(3);
			String modifier = matcher.group(1) != null ? matcher.group(2) : "";
			variables.add(variable);
			boolean hasDefault = modifier.startsWith(":-") || modifier.startsWith("-");
			if (!hasDefault) {
				assertThat(readme)
					.as("${" + variable + "} has no default in compose.yaml, so deploy/README.md must name it")
					.contains("`" + variable + "`");
			}
		}
		assertThat(variables).as("variables in compose.yaml").isNotEmpty();
	}

	@Test
	void composeWhenReadThenEveryMountedFileAndBuildInputExists() {
		Map<String, Object> services = map(compose(), "services");
		services.forEach((service, value) -> {
			@SuppressWarnings("unchecked")
			Map<String, Object> definition = (Map<String, Object>) value;
			for (Object volume : Objects.requireNonNullElse(objects(definition, "volumes"), List.of())) {
				String source = String.valueOf(volume).split(":")[0];
				if (source.startsWith(".")) {
					assertThat(DEPLOY.resolve(source).normalize()).as(service + " mounts " + source).exists();
				}
			}
			Map<String, Object> build = map(definition, "build");
			if (build != null) {
				Path context = DEPLOY.resolve(String.valueOf(build.get("context"))).normalize();
				assertThat(context.resolve(String.valueOf(build.get("dockerfile")))).as(service + " dockerfile")
					.isRegularFile();
			}
		});
	}

	// ---- Observability
	// -------------------------------------------------------------------------

	@Test
	void prometheusWhenReadThenScrapesBothApplicationsOnComposeServices() {
		Map<String, Object> prometheus = documents(DEPLOY.resolve("observability/prometheus.yml")).getFirst();
		Set<String> services = map(compose(), "services").keySet();
		Set<String> scrapedHosts = new HashSet<>();
		for (Map<String, Object> job : list(prometheus, "scrape_configs")) {
			if (!String.valueOf(job.get("job_name")).startsWith("rawabit-")) {
				continue;
			}
			assertThat(job.get("metrics_path")).as(job.get("job_name") + " metrics_path")
				.isEqualTo("/actuator/prometheus");
			for (Map<String, Object> config : list(job, "static_configs")) {
				for (Object target : objects(config, "targets")) {
					String host = String.valueOf(target).split(":")[0];
					assertThat(services).as("scrape target " + target + " is a compose service").contains(host);
					scrapedHosts.add(host);
				}
			}
		}
		assertThat(scrapedHosts).as("every platform replica and tenant-admin is scraped")
			.containsAll(platformServices())
			.contains("tenant-admin");
	}

	@Test
	void grafanaDashboardWhenReadThenEveryQueryNamesAMetricTheAppsExport() throws IOException {
		Map<String, Object> dashboard = json(DEPLOY.resolve("observability/grafana/dashboards/rawabit.json"));
		String datasource = String.valueOf(list(
				documents(DEPLOY.resolve("observability/grafana/provisioning/datasources/prometheus.yaml")).getFirst(),
				"datasources")
			.stream()
			.map(d -> ((Map<?, ?>) d).get("uid"))
			.findFirst()
			.orElseThrow());

		List<Map<String, Object>> panels = new ArrayList<>();
		for (Map<String, Object> panel : list(dashboard, "panels")) {
			if ("row".equals(panel.get("type"))) {
				panels.addAll(listOrEmpty(panel, "panels"));
			}
			else {
				panels.add(panel);
			}
		}
		assertThat(panels).isNotEmpty();
		Set<String> metrics = new HashSet<>();
		for (Map<String, Object> panel : panels) {
			List<Map<String, Object>> targets = list(panel, "targets");
			assertThat(targets).as("panel '" + panel.get("title") + "' queries").isNotEmpty();
			assertThat(String.valueOf(map(panel, "datasource").get("uid"))).as("panel datasource")
				.isEqualTo(datasource);
			for (Map<String, Object> target : targets) {
				String expr = String.valueOf(target.get("expr"));
				Set<String> named = metricNames(expr);
				assertThat(named).as("panel '" + panel.get("title") + "' query names a metric: " + expr).isNotEmpty();
				metrics.addAll(named);
			}
		}
		assertThat(metrics).containsAll(DASHBOARD_METRICS);

		// The app-specific series must be ones the code registers (Micrometer: dots
		// become underscores,
		// counters gain _total).
		String sources = javaSources(ROOT.resolve("platform/service/src/main/java"),
				ROOT.resolve("tenant-admin/src/main/java"));
		for (String metric : metrics) {
			if (metric.startsWith("rawabit_")) {
				String meter = metric.replaceFirst("_total$", "").replace('_', '.');
				assertThat(sources).as(metric + " is registered as meter \"" + meter + "\"")
					.contains("\"" + meter + "\"");
			}
		}
	}

	// ---- helpers
	// -------------------------------------------------------------------------------

	private static Path repositoryRoot() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isDirectory(dir.resolve("deploy"))) {
				return dir;
			}
		}
		throw new IllegalStateException("no folder with deploy/ above " + Path.of("").toAbsolutePath());
	}

	private static List<String> platformServices() {
		List<String> names = map(compose(), "services").keySet()
			.stream()
			.filter(service -> PLATFORM_SERVICE.matcher(service).matches())
			.sorted()
			.toList();
		assertThat(names).as("platform services in compose.yaml").isNotEmpty();
		return names;
	}

	private static void assertProbe(Map<String, Object> container, String probe, String expectedPath, String where) {
		Map<String, Object> definition = map(container, probe);
		assertThat(definition).as(where + " " + probe).isNotNull();
		Map<String, Object> get = map(definition, "httpGet");
		assertThat(get).as(where + " " + probe + ".httpGet").isNotNull();
		assertThat(get.get("path")).as(where + " " + probe + " path").isEqualTo(expectedPath);
		Set<Object> ports = new HashSet<>();
		for (Map<String, Object> port : listOrEmpty(container, "ports")) {
			ports.add(port.get("name"));
			ports.add(port.get("containerPort"));
		}
		assertThat(ports).as(where + " " + probe + " port is a declared container port").contains(get.get("port"));
	}

	private static Set<Object> containerPorts(Map<String, Object> deployment) {
		Set<Object> ports = new HashSet<>();
		for (Map<String, Object> container : list(path(deployment, "spec", "template", "spec"), "containers")) {
			for (Map<String, Object> port : listOrEmpty(container, "ports")) {
				if (port.get("name") != null) {
					ports.add(port.get("name"));
				}
				ports.add(port.get("containerPort"));
			}
		}
		return ports;
	}

	/**
	 * The applications a pod selector can select, by name label; empty when it is not
	 * limited by name.
	 */
	private static Set<String> selectedApplications(Map<String, Object> selector) {
		if (selector == null) {
			return Set.of();
		}
		Map<String, Object> labels = map(selector, "matchLabels");
		if (labels != null && labels.get(NAME_LABEL) != null) {
			return Set.of(String.valueOf(labels.get(NAME_LABEL)));
		}
		for (Map<String, Object> expression : listOrEmpty(selector, "matchExpressions")) {
			if (NAME_LABEL.equals(expression.get("key")) && "In".equals(expression.get("operator"))) {
				return objects(expression, "values").stream().map(String::valueOf).collect(Collectors.toSet());
			}
		}
		return Set.of();
	}

	private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
		return selector != null && labelsMatch(map(selector, "matchLabels"), labels);
	}

	private static boolean labelsMatch(Map<String, Object> wanted, Map<String, Object> labels) {
		return wanted != null && !wanted.isEmpty() && labels != null
				&& wanted.entrySet().stream().allMatch(e -> Objects.equals(labels.get(e.getKey()), e.getValue()));
	}

	private static Set<String> secretKeys(Map<String, Object> secret) {
		Set<String> keys = new HashSet<>();
		for (String field : List.of("stringData", "data")) {
			Map<String, Object> values = map(secret, field);
			if (values != null) {
				keys.addAll(values.keySet());
			}
		}
		return keys;
	}

	/**
	 * Metric names in a PromQL expression: identifiers outside label matchers, strings
	 * and ranges that are not functions or keywords.
	 */
	static Set<String> metricNames(String expr) {
		String bare = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
			.replaceAll("\\{[^}]*}", " ")
			.replaceAll("\\[[^]]*]", " ")
			.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
		Set<String> names = new HashSet<>();
		Matcher matcher = Pattern.compile("(?<![\\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(bare);
		while (matcher.find()) {
			String token = matcher.group(1);
			if (matcher.group(2) == null && !PROMQL_WORDS.contains(token.toLowerCase())) {
				names.add(token);
			}
		}
		return names;
	}

	private static long bytes(Object quantity) {
		Matcher matcher = Pattern.compile("(\\d+)(Ki|Mi|Gi|Ti|k|M|G|T)?").matcher(String.valueOf(quantity));
		assertThat(matcher.matches()).as("memory quantity " + quantity).isTrue();
		long value = Long.parseLong(matcher.group(1));
		String unit = matcher.group(2) == null ? "" : matcher.group(2);
		return value * switch (unit) {
			case "Ki" -> 1L << 10;
			case "Mi" -> 1L << 20;
			case "Gi" -> 1L << 30;
			case "Ti" -> 1L << 40;
			case "k" -> 1_000L;
			case "M" -> 1_000_000L;
			case "G" -> 1_000_000_000L;
			case "T" -> 1_000_000_000_000L;
			default -> 1L;
		};
	}

	private static String javaSources(Path... roots) throws IOException {
		StringBuilder all = new StringBuilder();
		for (Path root : roots) {
			try (Stream<Path> files = Files.walk(root)) {
				for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
					all.append(Files.readString(file)).append('\n');
				}
			}
		}
		return all.toString();
	}

	static List<Map<String, Object>> kind(String kind) {
		return kubernetes().stream().filter(doc -> kind.equals(doc.get("kind"))).toList();
	}

	private static List<Map<String, Object>> kubernetes() {
		List<Map<String, Object>> all = new ArrayList<>();
		for (Path file : yamlFiles(DEPLOY.resolve("kubernetes"))) {
			all.addAll(documents(file));
		}
		assertThat(all).as("documents under deploy/kubernetes").isNotEmpty();
		return all;
	}

	static Map<String, Object> compose() {
		return documents(DEPLOY.resolve("compose.yaml")).getFirst();
	}

	private static List<Path> yamlFiles(Path dir) {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile)
				.filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
				.map(Path::normalize)
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> documents(Path file) {
		assertThat(file).isRegularFile();
		Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
		List<Map<String, Object>> documents = new ArrayList<>();
		try {
			for (Object document : yaml.loadAll(Files.readString(file))) {
				if (document == null) {
					continue;
				}
				if (!(document instanceof Map)) {
					fail(file + ": a document is not a mapping");
				}
				documents.add((Map<String, Object>) document);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		assertThat(documents).as(file + " documents").isNotEmpty();
		return documents;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> json(Path file) throws IOException {
		return JsonMapper.builder().build().readValue(Files.readString(file), Map.class);
	}

	static String name(Map<String, Object> resource) {
		return String.valueOf(path(resource, "metadata").get("name"));
	}

	static Map<String, Object> named(List<Map<String, Object>> resources, String name) {
		return resources.stream()
			.filter(resource -> name.equals(name(resource)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no resource named " + name));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Map<String, Object> map, String key) {
		Object value = map == null ? null : map.get(key);
		if (value != null && !(value instanceof Map)) {
			fail(key + " is not a mapping: " + value);
		}
		return (Map<String, Object>) value;
	}

	static Map<String, Object> path(Map<String, Object> map, String... keys) {
		Map<String, Object> current = map;
		for (String key : keys) {
			current = map(current, key);
			assertThat(current).as(String.join(".", keys)).isNotNull();
		}
		return current;
	}

	/** A list of mappings (containers, ports, rules…); null when absent. */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> list(Map<String, Object> map, String key) {
		List<Object> value = objects(map, key);
		if (value != null && value.stream().anyMatch(item -> !(item instanceof Map))) {
			fail(key + " holds an item that is not a mapping: " + value);
		}
		return (List<Map<String, Object>>) (List<?>) value;
	}

	private static List<Map<String, Object>> listOrEmpty(Map<String, Object> map, String key) {
		List<Map<String, Object>> value = list(map, key);
		return value == null ? List.of() : value;
	}

	/** A list of anything (strings, numbers); null when absent. */
	@SuppressWarnings("unchecked")
	private static List<Object> objects(Map<String, Object> map, String key) {
		Object value = map == null ? null : map.get(key);
		if (value != null && !(value instanceof List)) {
			fail(key + " is not a list: " + value);
		}
		return (List<Object>) value;
	}

}
