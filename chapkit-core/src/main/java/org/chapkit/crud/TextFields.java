package org.chapkit.crud;

import org.chapkit.problem.FieldError;
import org.chapkit.problem.ValidationFailedException;

/**
 * Checks text bound for a database column before anything is stored: at most the column's length and no NUL
 * character (PostgreSQL refuses {@code 0x00} in text), so such input is a 400 naming the field instead of a database
 * error.
 */
public final class TextFields {

    /** Longest config name ({@code configs.name} is {@code VARCHAR(4000)}). */
    public static final int MAX_NAME_LENGTH = 4000;

    private TextFields() {}

    /**
     * Returns {@code value} when it fits; null passes (required-ness is the caller's check).
     *
     * @param field the field's name in the problem's {@code errors}
     * @param value the text
     * @param maxLength the column's length in characters
     * @throws ValidationFailedException when it is too long or holds a NUL character
     */
    public static String requireStorable(String field, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        String message = null;
        if (value.length() > maxLength) {
            message = "must be at most " + maxLength + " characters, got " + value.length();
        } else if (value.indexOf('\0') >= 0) {
            message = "must not contain the NUL character (\\u0000)";
        }
        if (message != null) {
            throw ValidationFailedException.invalid(new FieldError(field, message));
        }
        return value;
    }
}
