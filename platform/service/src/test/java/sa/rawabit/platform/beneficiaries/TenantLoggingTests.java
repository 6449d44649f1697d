package sa.rawabit.platform.beneficiaries;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.testing.TestTenants;

@ExtendWith(OutputCaptureExtension.class)
class TenantLoggingTests extends PlatformTest {

	@Autowired
	BeneficiaryRegistry registry;

	@Test
	void logLineWhenWrittenInsideTenantScopeThenCarriesTenantIdAsStructuredField(CapturedOutput output) {
		TenantId tenant = TestTenants.create("logging");
		Beneficiary saved = registry.register(BeneficiaryIsolationTests.person("ليلى"), "officer-log")
			.contextWrite(TenantContext.of(tenant))
			.block();

		String line = output.getOut()
			.lines()
			.filter(candidate -> candidate.contains("Beneficiary " + saved.id().value() + " registered"))
			.findFirst()
			.orElseThrow();
		assertThat(line).startsWith("{").contains("\"tenant_id\":\"" + tenant + "\"");
	}

}
