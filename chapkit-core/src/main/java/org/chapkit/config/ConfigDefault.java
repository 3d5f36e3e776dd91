package org.chapkit.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value a config record component takes when a client leaves it out (or sends {@code null}); also shown as
 * {@code default} in the config's JSON Schema. The value is JSON ({@code "3"}, {@code "[]"}, {@code "true"},
 * {@code "{\"a\":1}"}), except for {@code String} and enum components, where it is the plain text.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface ConfigDefault {

    /** The default, as JSON (or plain text for strings and enums). */
    String value();
}
