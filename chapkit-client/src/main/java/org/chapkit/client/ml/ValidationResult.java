package org.chapkit.client.ml;

import java.util.List;

/**
 * The answer of {@code $validate}.
 *
 * @param valid {@code true} when no diagnostic has severity {@code error}
 * @param diagnostics the findings, empty when there are none
 */
public record ValidationResult(boolean valid, List<ValidationDiagnostic> diagnostics) {

    /** Normalises missing diagnostics to an empty list. */
    public ValidationResult {
        diagnostics = diagnostics == null ? List.of() : List.copyOf(diagnostics);
    }
}
