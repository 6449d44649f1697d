package sa.rawabit.platform.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import sa.rawabit.foundation.security.RememberedJwtDecoder;
import sa.rawabit.platform.PlatformApplication;

/**
 * One platform replica for {@link StreamBenchmark}, in its own JVM (so its memory is
 * measured alone and client and server sockets do not share one file-descriptor limit).
 * Tokens are HMAC-signed by the benchmark instead of issued by Keycloak: the benchmark
 * measures fan-out, not sign-in. Arguments: the HMAC secret, then Spring arguments.
 */
public final class BenchServer {

	private BenchServer() {
	}

	public static void main(String[] args) {
		SecretKeySpec key = new SecretKeySpec(args[0].getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		// Remembered like the product's decoder (SecurityAutoConfiguration), only signed
		// with a shared secret.
		ReactiveJwtDecoder benchDecoder = new RememberedJwtDecoder(
				NimbusReactiveJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build(),
				RememberedJwtDecoder.CAPACITY, java.time.Clock.systemUTC());
		var context = new SpringApplicationBuilder(PlatformApplication.class)
			.initializers(
					ctx -> ctx.getBeanFactory().registerSingleton("operatorCensus", OperatorCensus.installIfAsked()))
			.initializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return bean instanceof ReactiveJwtDecoder ? benchDecoder : bean;
				}
			}))
			.run(Arrays.copyOfRange(args, 1, args.length));
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		System.out.println("BENCH-READY " + port + " " + ProcessHandle.current().pid());
	}

}
