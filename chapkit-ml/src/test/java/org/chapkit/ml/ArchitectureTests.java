package org.chapkit.ml;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.chapkit.ml", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule noPackageCycles =
            slices().matching("org.chapkit.ml.(*)..").should().beFreeOfCycles();

    /**
     * The runner API is plain Java; only the service layer (jobs, transactions, MVC) uses Spring Framework: the ML
     * workflow, the model registry (JDBC, transactions), the inference endpoints (MVC) and inbound commands (their
     * problem details and de-duplication store).
     */
    @ArchTest
    static final ArchRule noSpringOutsideTheServiceLayer = noClasses()
            .that()
            .resideOutsideOfPackages(
                    "org.chapkit.ml.service..",
                    "org.chapkit.ml.registry..",
                    "org.chapkit.ml.inference..",
                    "org.chapkit.ml.command..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..");

    @ArchTest
    static final ArchRule noJavaSerialization =
            noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.io.ObjectInputStream");
}
