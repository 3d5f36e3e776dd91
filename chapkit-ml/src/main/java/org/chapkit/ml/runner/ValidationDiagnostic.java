package org.chapkit.ml.runner;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;

/**
 * One finding of {@code $validate}: {@code {"severity","code","message","field"}}.
 *
 * @param severity {@code error}, {@code warning} or {@code info}; only errors make a request invalid
 * @param code a stable machine-readable code, at most 128 characters
 * @param message a human-readable message, at most 2048 characters
 * @param field the dotted path of the offending input (e.g. {@code config.prediction_periods}), at most 256
 *     characters, or {@code null}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ValidationDiagnostic(
        @JsonProperty("severity") Severity severity,
        @JsonProperty("code") String code,
        @JsonProperty("message") String message,
        @JsonProperty("field") String field) {

    /** Enforces chapkit's length limits. */
    public ValidationDiagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        requireLength("code", code, 128);
        requireLength("message", message, 2048);
        if (field != null) {
            requireLength("field", field, 256);
        }
    }

    private static void requireLength(String name, String value, int max) {
        if (value.length() > max) {
            throw new IllegalArgumentException(
                    "Diagnostic " + name + " is " + value.length() + " characters long; the maximum is " + max);
        }
    }

    /**
     * An error diagnostic.
     *
     * @param code the code
     * @param message the message
     * @param field the field path or {@code null}
     * @return the diagnostic
     */
    public static ValidationDiagnostic error(String code, String message, String field) {
        return new ValidationDiagnostic(Severity.ERROR, code, message, field);
    }

    /**
     * A warning diagnostic.
     *
     * @param code the code
     * @param message the message
     * @param field the field path or {@code null}
     * @return the diagnostic
     */
    public static ValidationDiagnostic warning(String code, String message, String field) {
        return new ValidationDiagnostic(Severity.WARNING, code, message, field);
    }

    /**
     * An informational diagnostic.
     *
     * @param code the code
     * @param message the message
     * @param field the field path or {@code null}
     * @return the diagnostic
     */
    public static ValidationDiagnostic info(String code, String message, String field) {
        return new ValidationDiagnostic(Severity.INFO, code, message, field);
    }

    /** The severity of a diagnostic; serialised in lower case. */
    public enum Severity {
        /** Makes the request invalid. */
        ERROR,
        /** Worth knowing, does not block. */
        WARNING,
        /** Informational. */
        INFO;

        /**
         * The wire name.
         *
         * @return {@code error}, {@code warning} or {@code info}
         */
        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * Parses a wire name.
         *
         * @param value the wire name
         * @return the severity
         */
        @JsonCreator
        public static Severity fromWireName(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
