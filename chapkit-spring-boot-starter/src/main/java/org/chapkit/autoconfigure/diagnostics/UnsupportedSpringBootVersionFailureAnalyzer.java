package org.chapkit.autoconfigure.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a Spring Boot older than the supported line. */
final class UnsupportedSpringBootVersionFailureAnalyzer
        extends AbstractFailureAnalyzer<UnsupportedSpringBootVersionException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsupportedSpringBootVersionException cause) {
        return new FailureAnalysis(
                "Chapkit for Java supports Spring Boot " + SpringBootVersionGuard.SUPPORTED
                        + ", but this application runs on Spring Boot " + cause.version()
                        + ". On an older Spring Boot the starter compiles and then fails at start-up with errors"
                        + " such as NoSuchMethodError, so it stops here instead.",
                "Use Spring Boot " + SpringBootVersionGuard.SUPPORTED
                        + ": set the version of spring-boot-starter-parent (or of the imported spring-boot-dependencies"
                        + " BOM), or import org.chapkit:chapkit-bom, which picks matching versions.",
                cause);
    }
}
