package sa.rawabit.platform;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import sa.rawabit.foundation.database.MigrationStep;

/**
 * The application plane: requests, complaints, deadlines, live notifications, public
 * pages.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PlatformApplication {

	/**
	 * Injected everywhere time matters, so deadline code is tested with fixed and virtual
	 * clocks.
	 */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	public static void main(String[] args) {
		if (MigrationStep.requested(args)) {
			System.exit(MigrationStep.run(args));
		}
		SpringApplication.run(PlatformApplication.class, args);
	}

}
