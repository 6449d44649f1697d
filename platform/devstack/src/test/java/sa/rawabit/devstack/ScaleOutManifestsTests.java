package sa.rawabit.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static sa.rawabit.devstack.DeployManifestsTests.DEPLOY;
import static sa.rawabit.devstack.DeployManifestsTests.compose;
import static sa.rawabit.devstack.DeployManifestsTests.kind;
import static sa.rawabit.devstack.DeployManifestsTests.map;
import static sa.rawabit.devstack.DeployManifestsTests.named;
import static sa.rawabit.devstack.DeployManifestsTests.path;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Many replicas behind a plain round-robin balancer, in the deployment files: no sticky
 * sessions anywhere, Redis with a password and no public port, an autoscaler that never
 * goes below two, and forwarded headers believed only from the balancer.
 */
class ScaleOutManifestsTests {

	@Test
	void kubernetesWhenReadThenNoAffinityAnAutoscalerAndRedisForThePlatform() {
		for (Map<String, Object> ingress : kind("Ingress")) {
			assertThat(path(ingress, "metadata", "annotations").keySet()).as("Ingress annotations")
				.noneMatch(key -> key.contains("affinity") || key.contains("session-cookie"));
		}
		assertThat(path(named(kind("Service"), "rawabit-platform"), "spec").getOrDefault("sessionAffinity", "None"))
			.isEqualTo("None");
		Map<String, Object> autoscaler = named(kind("HorizontalPodAutoscaler"), "rawabit-platform");
		assertThat(((Number) path(autoscaler, "spec").get("minReplicas")).intValue()).isGreaterThanOrEqualTo(2);
		assertThat(path(autoscaler, "spec", "scaleTargetRef")).containsEntry("name", "rawabit-platform");

		Map<String, Object> config = path(named(kind("ConfigMap"), "rawabit-config"), "data");
		assertThat(config).containsKeys("RAWABIT_REDIS_URL", "RAWABIT_TRUSTED_PROXIES")
			.doesNotContainKey("SERVER_FORWARDHEADERSSTRATEGY");
		assertThat(path(named(kind("Secret"), "rawabit-platform"), "stringData")).containsKey("RAWABIT_REDIS_PASSWORD");
		assertThat(String.valueOf(path(named(kind("Deployment"), "rawabit-redis"), "spec", "template", "spec")))
			.contains("--requirepass");
		assertThat(path(named(kind("Service"), "rawabit-redis"), "spec").getOrDefault("type", "ClusterIP"))
			.isEqualTo("ClusterIP");
	}

	@Test
	void composeWhenReadThenRoundRobinNginxAndRedisWithPasswordAndNoPublishedPort() throws IOException {
		Map<String, Object> services = map(compose(), "services");
		Map<String, Object> redis = map(services, "redis");
		assertThat(redis).doesNotContainKey("ports");
		assertThat(String.valueOf(redis.get("command"))).contains("--requirepass");
		Map<String, Object> platform = map(map(services, "platform-1"), "environment");
		assertThat(String.valueOf(platform.get("RAWABIT_REDIS_URL"))).startsWith("redis://:").contains("@redis:6379");
		String trusted = String.valueOf(platform.get("RAWABIT_TRUSTED_PROXIES"));
		String balancer = String.valueOf(path(map(services, "platform-lb"), "networks", "default").get("ipv4_address"));
		assertThat(trusted).isEqualTo(balancer + "/32");

		String nginx = Files.readString(DEPLOY.resolve("docker/nginx/platform.conf"));
		assertThat(nginx.lines().map(String::strip).filter(line -> !line.startsWith("#")))
			.noneMatch(line -> line.startsWith("ip_hash") || line.startsWith("hash ") || line.startsWith("sticky"));
		assertThat(nginx).contains("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;")
			.as("with a forwarded scheme, the host and port must be forwarded too (redirect URIs keep :8080)")
			.contains("proxy_set_header X-Forwarded-Host $http_host;");
	}

}
