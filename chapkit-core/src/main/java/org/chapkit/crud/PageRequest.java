package org.chapkit.crud;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chapkit.problem.FieldError;
import org.chapkit.problem.ValidationFailedException;

/**
 * A validated page request: {@code page} is 1-based and {@code size} is at most {@link #MAX_SIZE}.
 *
 * @param page 1-based page number
 * @param size entities per page
 */
public record PageRequest(int page, int size) {

    /** Largest page size a client may ask for; larger sizes are refused with 400 rather than served slowly. */
    public static final int MAX_SIZE = 1000;

    public PageRequest {
        List<FieldError> errors = check(page, size);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
    }

    /**
     * The page request named by optional query parameters. As in chapkit, a collection is paginated only when both
     * {@code page} and {@code size} are given; a value that is given is always checked, so {@code page=0} alone is
     * refused too.
     *
     * @throws ValidationFailedException when a given value is out of range
     */
    public static Optional<PageRequest> of(Integer page, Integer size) {
        List<FieldError> errors = new ArrayList<>();
        if (page != null && page < 1) {
            errors.add(FieldError.query("page", "must be at least 1, got " + page));
        }
        if (size != null && (size < 1 || size > MAX_SIZE)) {
            errors.add(FieldError.query("size", "must be between 1 and " + MAX_SIZE + ", got " + size));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return page != null && size != null ? Optional.of(new PageRequest(page, size)) : Optional.empty();
    }

    /** Number of entities to skip. */
    public long offset() {
        return (long) (page - 1) * size;
    }

    private static List<FieldError> check(int page, int size) {
        List<FieldError> errors = new ArrayList<>();
        if (page < 1) {
            errors.add(FieldError.query("page", "must be at least 1, got " + page));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(FieldError.query("size", "must be between 1 and " + MAX_SIZE + ", got " + size));
        }
        return errors;
    }

    private static ValidationFailedException invalid(List<FieldError> errors) {
        return ValidationFailedException.invalid("pagination", errors);
    }
}
