package sa.rawabit.foundation.sessions;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.data.redis.ReactiveRedisSessionRepository;
import org.springframework.session.web.server.session.SpringSessionWebSessionStore;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionIdResolver;
import org.springframework.web.server.session.WebSessionManager;
import sa.rawabit.foundation.redis.RedisAutoConfiguration;

/**
 * With Redis configured, page sessions live there
 * ({@code rawabit:<application>:sessions:<id>}, expiring after the idle timeout
 * {@code server.reactive.session.timeout}) and the cookie is Boot's as configured;
 * without Redis, Boot's in-memory store stays (one replica).
 */
@AutoConfiguration(after = RedisAutoConfiguration.class,
		beforeName = "org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration")
@ConditionalOnBean(LettuceConnectionFactory.class)
public class SharedSessionsAutoConfiguration {

	@Bean
	ReactiveRedisSessionRepository rawabitSessionRepository(LettuceConnectionFactory connections,
			@Value("${spring.application.name:rawabit}") String application,
			@Value("${server.reactive.session.timeout:30m}") Duration idle) {
		RedisSerializer<Object> values = RedisSerializer.java(getClass().getClassLoader());
		var context = RedisSerializationContext.<String, Object>newSerializationContext(RedisSerializer.string())
			.value(values)
			.hashKey(RedisSerializer.string())
			.hashValue(values)
			.build();
		var sessions = new ReactiveRedisSessionRepository(new ReactiveRedisTemplate<>(connections, context));
		sessions.setRedisKeyNamespace("rawabit:" + application);
		sessions.setDefaultMaxInactiveInterval(idle);
		return sessions;
	}

	@Bean(WebHttpHandlerBuilder.WEB_SESSION_MANAGER_BEAN_NAME)
	WebSessionManager webSessionManager(ReactiveRedisSessionRepository sessions,
			ObjectProvider<WebSessionIdResolver> cookies) {
		DefaultWebSessionManager manager = new DefaultWebSessionManager();
		manager.setSessionStore(new SpringSessionWebSessionStore<>(sessions));
		cookies.ifAvailable(manager::setSessionIdResolver);
		return manager;
	}

}
