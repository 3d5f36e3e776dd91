package org.chapkit.ml.runner;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies a {@code Table} or {@code DataFrame} parameter of an annotated predict method as the historic (observed) data. Without it
 * the parameter's name decides ({@code historic} / {@code future}), which needs compilation with
 * {@code -parameters}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Historic {}
