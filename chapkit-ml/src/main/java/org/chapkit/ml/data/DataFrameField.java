package org.chapkit.ml.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One self-describing column of a {@link DataFrameSchema}.
 *
 * @param name the column name
 * @param type the column type
 * @param title an optional human title ({@code null} is written as {@code null}, as chapkit does for sample data)
 * @param description an optional description
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DataFrameField(
        @JsonProperty("name") String name,
        @JsonProperty("type") FieldType type,
        @JsonProperty("title") String title,
        @JsonProperty("description") String description) {

    /** Validates the required components. */
    public DataFrameField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /**
     * A field without title and description.
     *
     * @param name the column name
     * @param type the column type
     * @return the field
     */
    public static DataFrameField of(String name, FieldType type) {
        return new DataFrameField(name, type, null, null);
    }
}
