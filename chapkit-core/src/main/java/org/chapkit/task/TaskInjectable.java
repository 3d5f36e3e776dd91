package org.chapkit.task;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean type whose instances are injected into {@link Task} parameters of that type instead of being bound
 * from the call's JSON {@code params}. Exactly one bean of the type must exist, otherwise start-up fails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TaskInjectable {}
