package org.chapkit.ml.runner;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the prediction method of an annotated model bean; it returns a Tablesaw {@code Table} or a {@code DataFrame}. See {@link AnnotatedModelRunner} for the parameters it can declare. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Predict {}
