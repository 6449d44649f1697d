package sa.rawabit.foundation.input;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.module.SimpleModule;

/**
 * Puts the input boundary in front of every controller: JSON text, form bodies and query
 * parameters.
 */
@AutoConfiguration
public class InputAutoConfiguration {

	/**
	 * Registered by Boot on the application's JSON mapper, so request bodies and the
	 * public links use it.
	 */
	@Bean
	JacksonModule strictTextModule() {
		return new SimpleModule("rawabit-strict-text").addDeserializer(String.class, new StrictTextDeserializer());
	}

	@Bean
	InputFilter inputFilter() {
		return new InputFilter();
	}

}
