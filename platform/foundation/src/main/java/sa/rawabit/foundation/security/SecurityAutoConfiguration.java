package sa.rawabit.foundation.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;
import sa.rawabit.foundation.database.DatabaseAutoConfiguration;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.problem.ProblemAutoConfiguration;
import sa.rawabit.foundation.problem.ProblemDetailsHandler;

/** The shared pieces each plane's {@code SecurityWebFilterChain} is built from. */
@AutoConfiguration(after = { DatabaseAutoConfiguration.class, ProblemAutoConfiguration.class })
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityAutoConfiguration {

	@Bean
	TenantGate tenantGate(Transactions transactions, DatabaseClient database, SecurityProperties properties) {
		return new TenantGate(transactions, database, properties.tenantStatusCache());
	}

	@Bean
	RawabitSecurity rawabitSecurity(TenantGate gate, ProblemDetailsHandler problems) {
		return new RawabitSecurity(new TenantScopeWebFilter(gate), problems);
	}
}
