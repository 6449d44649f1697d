package sa.rawabit.foundation.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/** Registers the problem handler ahead of Boot's whitelabel-style error handling. */
@AutoConfiguration(beforeName = "org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration")
public class ProblemAutoConfiguration {

	@Bean
	ProblemDetailsHandler problemDetailsHandler(JsonMapper json) {
		return new ProblemDetailsHandler(json);
	}

}
