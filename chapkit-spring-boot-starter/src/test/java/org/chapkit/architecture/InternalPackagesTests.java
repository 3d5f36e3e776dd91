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

    @Test
    void artifactTransferDependsOnNothingElseOfTheArtifactFeature() {
        noClasses()
                .that()
                .resideInAPackage("org.chapkit.artifact.transfer..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.chapkit.artifact", "org.chapkit.artifact.internal..")
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
