package org.chapkit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfiguration;

/** Architecture rules over the production classes of core, ml and the starter (and the chapkit-test kit, which is a Spring Boot test library). */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.chapkit");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("org.chapkit.(*)..").should().beFreeOfCycles().check(CLASSES);
        slices().matching("org.chapkit.autoconfigure.(*)..")
                .should()
                .beFreeOfCycles()
                .check(CLASSES);
    }

    @Test
    void coreAndMlNeverDependOnSpringBootOrTheStarter() {
        noClasses()
                .that()
                .resideOutsideOfPackages("org.chapkit.autoconfigure..", "org.chapkit.test..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.boot..", "org.chapkit.autoconfigure..")
                .check(CLASSES);
    }

    @Test
    void autoConfigurationsArePublicFinalClasses() {
        classes()
                .that()
                .areAnnotatedWith(AutoConfiguration.class)
                .should()
                .haveModifier(com.tngtech.archunit.core.domain.JavaModifier.FINAL)
                .andShould()
                .bePublic()
                .check(CLASSES);
    }

    @Test
    void noFieldInjection() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields()
                .should()
                .beAnnotatedWith(Autowired.class)
                .check(CLASSES);
    }
}
