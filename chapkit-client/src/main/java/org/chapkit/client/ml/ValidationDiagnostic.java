package org.chapkit.client.ml;

/**
 * One finding of {@code $validate}.
 *
 * @param severity how serious it is
 * @param code stable machine-readable code, for example {@code config_not_found}
 * @param message human-readable explanation
 * @param field dotted path of the offending request field, or {@code null}
 */
public record ValidationDiagnostic(Severity severity, String code, String message, String field) {}
