package sa.rawabit.admin;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import sa.rawabit.foundation.database.MigrationStep;

/**
 * The control plane: onboarding associations, their policy versions, staff and holidays.
 * Small and trusted; it alone will hold Keycloak admin credentials, which is why it is a
 * separate deployable.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TenantAdminApplication {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	public static void main(String[] args) {
		if (MigrationStep.requested(args)) {
			System.exit(MigrationStep.run(args));
		}
		SpringApplication.run(TenantAdminApplication.class, args);
	}

}
