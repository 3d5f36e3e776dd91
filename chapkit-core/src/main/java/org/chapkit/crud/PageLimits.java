package org.chapkit.crud;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chapkit.problem.FieldError;
import org.chapkit.problem.ValidationFailedException;

/**
 * The largest page a client may ask for ({@code chapkit.web.max-page-size}); larger sizes are refused with 400 (422
 * in contract generation 2) before anything is read, rather than served slowly.
 *
 * @param maxSize most entities per page, at least 1
 */
public record PageLimits(int maxSize) {

    /** The default {@link #maxSize()}. */
    public static final int DEFAULT_MAX_SIZE = 1000;

    /** The OpenAPI description of a {@code size} query parameter. */
    public static final String SIZE_PARAMETER =
            "Page size, 1 to chapkit.web.max-page-size (default " + DEFAULT_MAX_SIZE + ")";

    /** Pages of at most {@value #DEFAULT_MAX_SIZE}. */
    public static final PageLimits DEFAULT = new PageLimits(DEFAULT_MAX_SIZE);

    public PageLimits {
        if (maxSize < 1) {
            throw new IllegalArgumentException("The largest page size must be at least 1, got " + maxSize);
        }
    }

    /**
     * The page request named by optional query parameters. As in chapkit, a collection is paginated only when both
     * {@code page} and {@code size} are given; a value that is given is always checked, so {@code page=0} alone is
     * refused too.
     *
     * @throws ValidationFailedException when a given value is out of range
     */
    public Optional<PageRequest> of(Integer page, Integer size) {
        List<FieldError> errors = new ArrayList<>();
        if (page != null && page < 1) {
            errors.add(FieldError.query("page", "must be at least 1, got " + page));
        }
        if (size != null && (size < 1 || size > maxSize)) {
            errors.add(FieldError.query("size", "must be between 1 and " + maxSize + ", got " + size));
        }
        if (!errors.isEmpty()) {
            throw PageRequest.invalid(errors);
        }
        return page != null && size != null ? Optional.of(new PageRequest(page, size)) : Optional.empty();
    }
}
