package org.chapkit.client;

/**
 * One invalid input field reported by the service, from the {@code errors} extension of a problem response (or
 * from FastAPI's 422 {@code detail} list when talking to a Python chapkit service).
 *
 * @param field dotted path of the field, for example {@code data.prediction_periods}; may be {@code null}
 * @param message what is wrong with it
 */
public record ProblemFieldError(String field, String message) {}
