package sa.rawabit.foundation.database;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * {@code java -jar app.jar --migrate-only}: migrates this application's schemas as the
 * owner role and exits, as a Kubernetes init container or a one-shot job does before the
 * replicas start with {@code rawabit.db.migrate-at-start=false}. The internet-facing
 * replicas then never hold the owner's password, so code running in one cannot alter a
 * table or its row-level security. Reads the same configuration as the application (its
 * {@code application.yml}, the environment) but starts nothing else.
 */
public final class MigrationStep {

	public static final String FLAG = "--migrate-only";

	private MigrationStep() {
	}

	public static boolean requested(String[] args) {
		return Arrays.asList(args).contains(FLAG);
	}

	/**
	 * Migrates and returns the process exit code: 0 when every schema is at its latest
	 * version.
	 */
	public static int run(String[] args) {
		SpringApplication step = new SpringApplication(Settings.class);
		step.setWebApplicationType(WebApplicationType.NONE);
		String[] settings = Arrays.stream(args).filter(arg -> !FLAG.equals(arg)).toArray(String[]::new);
		try (ConfigurableApplicationContext context = step.run(settings)) {
			DatabaseProperties properties = context.getBean(DatabaseProperties.class);
			try (DatabaseServer server = DatabaseAutoConfiguration.server(properties)) {
				SchemaMigrations.migrate(server, properties.migrate());
			}
			return 0;
		}
		catch (Exception failed) {
			System.err.println("Migration failed: " + failed);
			return 1;
		}
	}

	/**
	 * Only the database settings: no auto-configuration, so no pool, web server or
	 * background work.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(DatabaseProperties.class)
	static class Settings {

	}

}
