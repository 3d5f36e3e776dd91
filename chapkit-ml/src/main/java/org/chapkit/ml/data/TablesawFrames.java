package org.chapkit.ml.data;

import tech.tablesaw.api.Table;

/**
 * Converts between {@link DataFrame} and Tablesaw's {@code Table} (the same vocabulary as the client's
 * {@code TablesawFrames}). Tablesaw is an optional dependency: add {@code tech.tablesaw:tablesaw-core} to use this
 * class. The conversions live here and not on {@code DataFrame} so that nothing that inspects {@code DataFrame}'s
 * methods (Jackson, springdoc building the OpenAPI document) needs Tablesaw on the class path.
 */
public final class TablesawFrames {

    private TablesawFrames() {}

    /**
     * Converts a Tablesaw table, column types preserved (see {@link #toTable(DataFrame, String)}).
     *
     * @param table the table
     * @return a frame without schema
     */
    public static DataFrame fromTable(Table table) {
        return TableBridge.fromTable(table);
    }

    /**
     * Converts to a Tablesaw table. Integers become {@code IntColumn} (or {@code LongColumn} beyond the int range),
     * numbers {@code DoubleColumn}, booleans {@code BooleanColumn}, strings and mixed columns {@code StringColumn};
     * {@code null} becomes Tablesaw's missing value. A schema type, when present, wins over the values
     * ({@code number} keeps integer values in a {@code DoubleColumn}).
     *
     * @param frame the frame
     * @param name the table name
     * @return the table
     * @throws IllegalArgumentException when a row is longer than the column list, or a value does not fit the
     *     declared type
     */
    public static Table toTable(DataFrame frame, String name) {
        return TableBridge.toTable(frame, name);
    }

    /**
     * Converts to a Tablesaw table named {@code data}; see {@link #toTable(DataFrame, String)}.
     *
     * @param frame the frame
     * @return the table
     */
    public static Table toTable(DataFrame frame) {
        return toTable(frame, "data");
    }
}
