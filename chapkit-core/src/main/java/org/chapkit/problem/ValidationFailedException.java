package org.chapkit.problem;

import java.util.List;

/** Input failed validation; the {@code errors} extension lists every invalid field (400). */
public class ValidationFailedException extends ChapkitException {

    private final List<FieldError> fieldErrors;

    public ValidationFailedException(String detail, List<FieldError> fieldErrors) {
        super(ProblemType.VALIDATION_FAILED, detail);
        this.fieldErrors = List.copyOf(fieldErrors);
        withFieldErrors(this.fieldErrors);
    }

    /** The invalid fields. */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
