package org.chapkit.ml.data;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/**
 * The Table-Schema-style description of a {@link DataFrame}'s columns ({@code {"fields":[…]}}).
 *
 * @param fields one entry per described column
 */
public record DataFrameSchema(@JsonProperty("fields") List<DataFrameField> fields) {

    /** Copies the field list. */
    public DataFrameSchema {
        fields = List.copyOf(fields);
    }

    /**
     * The declared type of a column.
     *
     * @param column the column name
     * @return its type, or empty when the schema does not describe it
     */
    public Optional<FieldType> typeOf(String column) {
        return fields.stream()
                .filter(field -> field.name().equals(column))
                .map(DataFrameField::type)
                .findFirst();
    }
}
