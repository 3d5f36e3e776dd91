package org.chapkit.ml.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A Frictionless-style column type of a {@link DataFrameSchema}: {@code string|integer|number|boolean|any}. */
public enum FieldType {
    /** Text values. */
    STRING,
    /** Whole numbers. */
    INTEGER,
    /** Floating-point numbers (and mixes of integers and floats). */
    NUMBER,
    /** {@code true}/{@code false}. */
    BOOLEAN,
    /** Unknown, empty or mixed columns. */
    ANY;

    /** The wire name, lower case. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a wire name.
     *
     * @param value {@code string}, {@code integer}, {@code number}, {@code boolean} or {@code any}
     * @return the type
     * @throws IllegalArgumentException for any other value
     */
    @JsonCreator
    public static FieldType fromWireName(String value) {
        for (FieldType type : values()) {
            if (type.wireName().equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException(
                "Unknown field type '" + value + "'; expected string, integer, number, boolean or any");
    }
}
