package org.chapkit.autoconfigure.diagnostics;

import org.chapkit.autoconfigure.ml.AmbiguousModelRunnerException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports two or more beans with {@code @Train} and {@code @Predict} methods. */
final class AmbiguousModelRunnerFailureAnalyzer extends AbstractFailureAnalyzer<AmbiguousModelRunnerException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AmbiguousModelRunnerException cause) {
        return new FailureAnalysis(
                "A chapkit service serves one model, but " + cause.beanNames().size()
                        + " beans have @Train and @Predict methods: " + String.join(", ", cause.beanNames()) + ".",
                "Keep @Train and @Predict on one bean, or declare a ModelRunner bean (for example"
                        + " AnnotatedModelRunner.of(...) over the bean you want) to choose which one is served.",
                cause);
    }
}
