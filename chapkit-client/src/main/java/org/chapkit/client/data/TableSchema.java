package org.chapkit.client.data;

import java.util.List;

/**
 * The optional {@code schema} of a DataFrame: one {@link SchemaField} per column.
 *
 * @param fields the column descriptions
 */
public record TableSchema(List<SchemaField> fields) {

    /** Normalises a missing field list to an empty one. */
    public TableSchema {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
