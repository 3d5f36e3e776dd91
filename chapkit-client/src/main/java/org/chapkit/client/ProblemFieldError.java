package org.chapkit.client;

import java.util.List;

/**
 * One invalid input field reported by the service: an entry of a problem's {@code errors} extension — generation 1's
 * {@code {field, message}} or generation 2's FastAPI-style {@code {loc, type, msg}} — or of FastAPI's 422
 * {@code detail} list when talking to a Python chapkit 1.x service.
 *
 * @param field dotted path of the field, for example {@code data.prediction_periods} or {@code tags[1]}; may be
 *     {@code null}
 * @param message what is wrong with it
 * @param loc FastAPI's location, for example {@code ["body", "data", "prediction_periods"]}; empty when the service
 *     did not send one (generation 1)
 * @param type FastAPI's error type, for example {@code missing} or {@code value_error}; {@code null} when not sent
 */
public record ProblemFieldError(String field, String message, List<Object> loc, String type) {

    public ProblemFieldError {
        loc = loc == null ? List.of() : List.copyOf(loc);
    }

    /** A field error without location or type, as generation 1 writes them. */
    public ProblemFieldError(String field, String message) {
        this(field, message, List.of(), null);
    }

    /** Where the field was sent ({@code body}, {@code query}, {@code path}, {@code header}), or null when unknown. */
    public String source() {
        return loc.isEmpty() ? null : String.valueOf(loc.get(0));
    }
}
