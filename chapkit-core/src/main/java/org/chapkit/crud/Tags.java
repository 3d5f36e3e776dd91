package org.chapkit.crud;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.chapkit.problem.FieldError;
import org.chapkit.problem.ValidationFailedException;

/**
 * Checks entity tags as chapkit does: each tag is 1 to {@value #MAX_LENGTH} characters of {@code [A-Za-z0-9_-]}, no
 * duplicates, at most {@value #MAX_TAGS} tags.
 */
public final class Tags {

    /** Most tags one entity may carry. */
    public static final int MAX_TAGS = 50;

    /** Longest tag. */
    public static final int MAX_LENGTH = 100;

    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_-]+");

    private Tags() {}

    /**
     * Returns {@code tags} (an empty list for null) when valid.
     *
     * @throws ValidationFailedException listing every invalid tag
     */
    public static List<String> requireValid(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        List<FieldError> errors = new ArrayList<>();
        if (tags.size() > MAX_TAGS) {
            errors.add(new FieldError("tags", "at most " + MAX_TAGS + " tags are allowed, got " + tags.size()));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            String field = "tags[" + i + "]";
            if (tag == null) {
                errors.add(new FieldError(field, "must not be null"));
            } else if (tag.length() > MAX_LENGTH) {
                errors.add(new FieldError(field, "must be at most " + MAX_LENGTH + " characters"));
            } else if (!TAG.matcher(tag).matches()) {
                errors.add(new FieldError(field, "must contain only letters, digits, '_' and '-', got '" + tag + "'"));
            } else if (!seen.add(tag)) {
                errors.add(new FieldError(field, "duplicate tag '" + tag + "'"));
            }
        }
        if (!errors.isEmpty()) {
            throw ValidationFailedException.invalid("tags", errors);
        }
        return List.copyOf(tags);
    }
}
