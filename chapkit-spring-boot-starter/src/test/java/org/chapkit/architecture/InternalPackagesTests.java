package org.chapkit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The API boundary (designs/architecture.md): a {@code ….internal} package is implementation, public only so that the
 * auto-configuration can build it. Only the auto-configuration and the feature that owns it ({@code org.chapkit.<feature>}
 * and its sub-packages) may use it; other features, the ML module, the test kit and applications may not. The sample
 * app checks the same for itself ({@code SampleAppBoundaryTests}).
 */
class InternalPackagesTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.chapkit");

    private static final Pattern INTERNAL = Pattern.compile("^(org\\.chapkit\\.[a-z0-9]+)(\\..*)?\\.internal(\\..*)?$");

    @Test
    void internalPackagesAreUsedOnlyByTheirFeatureAndTheAutoConfiguration() {
        classes().should(useOnlyTheirOwnFeaturesInternals()).check(CLASSES);
    }

    /** The transfer API (the tabular SPI, pages of rows) is all a data format sees: nothing else of artifacts. */
    @Test
    void theArtifactTransferApiDependsOnNothingElseOfTheArtifactFeature() {
        noClasses()
                .that()
                .resideInAPackage("org.chapkit.artifact.transfer")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.chapkit.artifact",
                        "org.chapkit.artifact.internal..",
                        "org.chapkit.artifact.storage..",
                        "org.chapkit.artifact.transfer.internal..")
                .check(CLASSES);
    }

    /**
     * The split of the artifact feature: CRUD, trees, links and content storage ({@code artifact}, its
     * {@code internal} and {@code storage}) know nothing of transfer; the transfer endpoints and streamed reads
     * ({@code artifact.transfer.internal}) are built on top of them.
     */
    @Test
    void theArtifactCrudSideDependsOnNothingOfTransfer() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.chapkit.artifact", "org.chapkit.artifact.internal..", "org.chapkit.artifact.storage..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.chapkit.artifact.transfer..")
                .check(CLASSES);
    }

    private static ArchCondition<JavaClass> useOnlyTheirOwnFeaturesInternals() {
        return new ArchCondition<>("use no other feature's ….internal package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String from = origin.getPackageName();
                if (from.startsWith("org.chapkit.autoconfigure")) {
                    return;
                }
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    Matcher internal =
                            INTERNAL.matcher(dependency.getTargetClass().getPackageName());
                    if (internal.matches()) {
                        String feature = internal.group(1);
                        if (!from.equals(feature) && !from.startsWith(feature + ".")) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            }
        };
    }
}
