package org.chapkit.problem;

import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.DatabindException;

/**
 * Input failed validation; the {@code errors} extension lists every invalid field (400). Build the usual
 * {@code "Invalid …: …"} problems with {@link #invalid(String, List)} and {@link #invalid(FieldError)}, so every
 * feature words its detail the same way.
 */
public class ValidationFailedException extends ChapkitException {

    private final List<FieldError> fieldErrors;

    public ValidationFailedException(String detail, List<FieldError> fieldErrors) {
        super(ProblemType.VALIDATION_FAILED, detail);
        this.fieldErrors = List.copyOf(fieldErrors);
        withFieldErrors(this.fieldErrors);
    }

    /**
     * The problem for an invalid input made of several fields: detail {@code Invalid <subject>: <field> <message>;
     * <field> <message>…}, with every error listed in {@code errors}.
     *
     * @param subject what was invalid, for example {@code tags} or {@code params for task 'add'}
     * @param errors the invalid fields, at least one
     * @return the exception to throw
     */
    public static ValidationFailedException invalid(String subject, List<FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
        return new ValidationFailedException("Invalid " + subject + ": " + detail, errors);
    }

    /**
     * The problem for one invalid field: detail {@code Invalid <field>: <message>}, or {@code Invalid query parameter
     * <name>: <message>} when the field is a query parameter.
     *
     * @param error the invalid field
     * @return the exception to throw
     */
    public static ValidationFailedException invalid(FieldError error) {
        String subject = error.source() == FieldError.Source.QUERY ? "query parameter " + error.field() : error.field();
        return new ValidationFailedException("Invalid " + subject + ": " + error.message(), List.of(error));
    }

    /**
     * The problem for a request body field Jackson could not bind (a string where a number belongs): detail
     * {@code Invalid value for '<path>'}, one {@code type_error} listed.
     *
     * @param ex Jackson's failure, which carries the field's path
     * @return the exception to throw
     */
    public static ValidationFailedException wrongType(DatabindException ex) {
        String path = JacksonErrors.pathOf(ex);
        return new ValidationFailedException(
                "Invalid value for '" + path + "'",
                List.of(new FieldError(
                        path,
                        JacksonErrors.firstLine(ex.getOriginalMessage(), "has the wrong type"),
                        FieldError.Source.BODY,
                        "type_error")));
    }

    /** The invalid fields. */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
