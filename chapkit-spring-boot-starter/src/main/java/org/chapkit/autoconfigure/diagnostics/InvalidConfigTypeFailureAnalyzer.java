package org.chapkit.autoconfigure.diagnostics;

import org.chapkit.autoconfigure.config.InvalidConfigTypeException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a {@code chapkit.config.type} that names no config record. */
final class InvalidConfigTypeFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigTypeException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidConfigTypeException cause) {
        return new FailureAnalysis(
                "The property chapkit.config.type is '" + cause.configuredType() + "', which chapkit cannot use: "
                        + cause.getCause().getMessage() + ".",
                "Set chapkit.config.type to the fully qualified name of your config record (a record that implements"
                        + " org.chapkit.config.BaseConfig, for example com.example.MyConfig), or declare a"
                        + " ConfigDefinition bean. Leave it unset if the service has no config of its own.",
                cause);
    }
}
