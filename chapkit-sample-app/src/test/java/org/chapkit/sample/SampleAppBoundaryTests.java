package org.chapkit.sample;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The sample app is written as a user's application is: against chapkit's API only, never a {@code ….internal}
 * package (designs/architecture.md) nor the auto-configuration's classes.
 */
class SampleAppBoundaryTests {

    private static final JavaClasses SAMPLE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.chapkit.sample");

    @Test
    void theSampleAppUsesNoInternalPackage() {
        noClasses()
                .that()
                .resideInAPackage("org.chapkit.sample..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.chapkit..internal..", "org.chapkit.autoconfigure..")
                .check(SAMPLE);
    }
}
