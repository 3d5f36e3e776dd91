package org.chapkit.autoconfigure.ml;

import java.util.List;

/** More than one bean has {@code @Train} and {@code @Predict} methods, and no {@code ModelRunner} bean chooses. */
public class AmbiguousModelRunnerException extends IllegalStateException {

    private final List<String> beanNames;

    /**
     * Several annotated runner beans.
     *
     * @param beanNames the names of the beans with {@code @Train} and {@code @Predict} methods
     */
    public AmbiguousModelRunnerException(List<String> beanNames) {
        super("Expected exactly one bean with @Train and @Predict methods, found " + beanNames
                + "; declare a ModelRunner bean to choose");
        this.beanNames = List.copyOf(beanNames);
    }

    /**
     * The beans with {@code @Train} and {@code @Predict} methods.
     *
     * @return their names
     */
    public List<String> beanNames() {
        return beanNames;
    }
}
