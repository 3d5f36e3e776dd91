package org.chapkit.client.data;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One column of a DataFrame's Frictionless-style schema.
 *
 * @param name column name
 * @param type {@code string}, {@code integer}, {@code number}, {@code boolean} or {@code any}
 * @param title optional title, omitted from JSON when {@code null}
 * @param description optional description, omitted from JSON when {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchemaField(String name, String type, String title, String description) {

    /**
     * A field with a name and type only.
     *
     * @param name column name
     * @param type column type
     * @return the field
     */
    public static SchemaField of(String name, String type) {
        return new SchemaField(name, type, null, null);
    }
}
