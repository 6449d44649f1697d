package sa.rawabit.platform;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(PlatformApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicApiAndDeclaredDependencies() {
		modules.verify();
	}

	/**
	 * Modulith sees {@code inquiries} as one module; its sub-packages (desk, public link,
	 * delegation, supervision, conversion) must still not lean on each other both ways.
	 */
	@Test
	void inquiriesSubPackagesWhenDependingThenWithoutCycles() {
		SlicesRuleDefinition.slices()
			.matching("sa.rawabit.platform.inquiries.(*)..")
			.should()
			.beFreeOfCycles()
			.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("sa.rawabit.platform.inquiries"));
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
