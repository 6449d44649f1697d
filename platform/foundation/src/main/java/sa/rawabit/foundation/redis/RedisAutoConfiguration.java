package sa.rawabit.foundation.redis;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The Redis connection, only when {@code rawabit.redis.url} is set. Spring Boot's own
 * Redis auto-configuration is not on the class path on purpose: it would connect to
 * localhost:6379 (and report it down) on every one-replica stack that has no Redis at
 * all.
 */
@AutoConfiguration
@EnableConfigurationProperties(RedisProperties.class)
@ConditionalOnExpression("!'${rawabit.redis.url:}'.isBlank()")
public class RedisAutoConfiguration {

	@Bean
	LettuceConnectionFactory rawabitRedisConnectionFactory(RedisProperties properties) {
		URI uri = URI.create(properties.url());
		RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(uri.getHost(),
				uri.getPort() < 0 ? 6379 : uri.getPort());
		String database = uri.getPath() == null ? "" : uri.getPath().replace("/", "");
		if (!database.isEmpty()) {
			server.setDatabase(Integer.parseInt(database));
		}
		String userInfo = uri.getRawUserInfo();
		if (userInfo != null && !userInfo.isEmpty()) {
			int colon = userInfo.indexOf(':');
			String user = colon < 0 ? "" : decode(userInfo.substring(0, colon));
			if (!user.isEmpty()) {
				server.setUsername(user);
			}
			server.setPassword(RedisPassword.of(decode(colon < 0 ? userInfo : userInfo.substring(colon + 1))));
		}
		if (!properties.password().isEmpty()) {
			server.setPassword(RedisPassword.of(properties.password()));
		}
		LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
			.commandTimeout(properties.timeout());
		if ("rediss".equals(uri.getScheme())) {
			client.useSsl();
		}
		return new LettuceConnectionFactory(server, client.build());
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

	@Bean
	ReactiveStringRedisTemplate rawabitRedisTemplate(LettuceConnectionFactory connections) {
		return new ReactiveStringRedisTemplate(connections);
	}

}
