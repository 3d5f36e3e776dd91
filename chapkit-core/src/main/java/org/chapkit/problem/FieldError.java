package org.chapkit.problem;

/**
 * One invalid input field, listed in the {@code errors} extension of a problem response.
 *
 * @param field dotted path of the field (for example {@code data.prediction_periods})
 * @param message what is wrong with it
 */
public record FieldError(String field, String message) {}
