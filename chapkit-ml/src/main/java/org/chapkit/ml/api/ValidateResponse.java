package org.chapkit.ml.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.chapkit.ml.runner.ValidationDiagnostic;

/**
 * The 200 body of {@code $validate}.
 *
 * @param valid {@code true} when no diagnostic has severity {@code error}
 * @param diagnostics the findings, framework checks first
 */
public record ValidateResponse(
        @JsonProperty("valid") boolean valid,
        @JsonProperty("diagnostics") List<ValidationDiagnostic> diagnostics) {

    /** Copies the diagnostics. */
    public ValidateResponse {
        diagnostics = List.copyOf(diagnostics);
    }

    /**
     * A response whose validity follows from the diagnostics.
     *
     * @param diagnostics the findings
     * @return the response
     */
    public static ValidateResponse of(List<ValidationDiagnostic> diagnostics) {
        boolean valid = diagnostics.stream().noneMatch(d -> d.severity() == ValidationDiagnostic.Severity.ERROR);
        return new ValidateResponse(valid, diagnostics);
    }
}
