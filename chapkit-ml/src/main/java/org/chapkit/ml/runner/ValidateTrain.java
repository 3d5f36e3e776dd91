package org.chapkit.ml.runner;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the optional train validation hook of an annotated model bean; it returns {@code List<ValidationDiagnostic>}. See {@link AnnotatedModelRunner} for the parameters it can declare. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ValidateTrain {}
