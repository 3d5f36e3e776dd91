package org.chapkit.problem;

/**
 * The request conflicts with the current state of a resource, for example an id that already exists or a database
 * constraint (409). Contract generation 2 adds the violated constraint as the {@code constraint} extension.
 */
public class ConflictException extends ChapkitException {

    private String constraint;

    public ConflictException(String detail) {
        super(ProblemType.CONFLICT, detail);
    }

    public ConflictException(String detail, Throwable cause) {
        super(ProblemType.CONFLICT, detail, cause);
    }

    /** The name of the violated database constraint, or null when the conflict is not a constraint violation. */
    public String constraint() {
        return constraint;
    }

    /** Records the violated constraint's name; returns this exception. */
    public ConflictException withConstraint(String constraint) {
        this.constraint = constraint;
        return this;
    }
}
