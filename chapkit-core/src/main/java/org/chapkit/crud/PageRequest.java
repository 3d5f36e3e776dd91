package org.chapkit.crud;

import java.util.ArrayList;
import java.util.List;
import org.chapkit.problem.FieldError;
import org.chapkit.problem.ValidationFailedException;

/**
 * A validated page request: {@code page} is 1-based and {@code size} at least 1; {@link PageLimits} bounds the size a
 * client may ask for.
 *
 * @param page 1-based page number
 * @param size entities per page
 */
public record PageRequest(int page, int size) {

    public PageRequest {
        List<FieldError> errors = new ArrayList<>();
        if (page < 1) {
            errors.add(FieldError.query("page", "must be at least 1, got " + page));
        }
        if (size < 1) {
            errors.add(FieldError.query("size", "must be at least 1, got " + size));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
    }

    /** Number of entities to skip. */
    public long offset() {
        return (long) (page - 1) * size;
    }

    static ValidationFailedException invalid(List<FieldError> errors) {
        return ValidationFailedException.invalid("pagination", errors);
    }
}
