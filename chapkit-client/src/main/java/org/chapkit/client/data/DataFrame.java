package org.chapkit.client.data;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A table in chapkit's DataFrame wire format (contract §6.1): {@code {"columns":[...],"data":[[...]],
 * "schema"?:{...}}}, row-major, with {@code null} for missing values and {@code schema} omitted when absent.
 *
 * <p>Cell values are JSON scalars: {@link String}, {@link Number}, {@link Boolean} or {@code null}. Build one with
 * {@link #builder(String...)}, {@link #of(List, List)} or {@link #fromRecords(List)}.
 *
 * <p>The method names are those of the server's {@code org.chapkit.ml.data.DataFrame}: {@link #rows()}, {@link
 * #size()}, {@link #isEmpty()}, {@link #column(String)}; the older {@link #data()} and {@link #rowCount()} are
 * deprecated.
 *
 * @param columns column names, in order
 * @param rows rows, each with one value per column (wire name {@code data})
 * @param schema optional column types (the server attaches them to predictions and sample data)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataFrame(
        List<String> columns,
        @JsonProperty("data") List<List<Object>> rows,
        @JsonProperty("schema") @JsonAlias("table_schema") TableSchema schema) {

    /** Copies the columns and rows; rows keep {@code null} cells. */
    public DataFrame {
        columns = columns == null ? List.of() : List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows == null ? 0 : rows.size());
        if (rows != null) {
            for (List<Object> row : rows) {
                copy.add(Collections.unmodifiableList(new ArrayList<>(row == null ? List.of() : row)));
            }
        }
        rows = Collections.unmodifiableList(copy);
    }

    /**
     * A DataFrame from column names and rows, without a schema.
     *
     * @param columns column names
     * @param rows rows of cell values
     * @return the DataFrame
     */
    public static DataFrame of(List<String> columns, List<? extends List<?>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<?> row : rows) {
            copy.add(new ArrayList<>(row));
        }
        return new DataFrame(columns, copy, null);
    }

    /**
     * A DataFrame from records such as {@code [{"location":"a","cases":3}, ...]}. Columns are the union of keys in
     * first-seen order; a record without a key gets {@code null} there.
     *
     * @param records the records
     * @return the DataFrame
     */
    public static DataFrame fromRecords(List<? extends Map<String, ?>> records) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (Map<String, ?> record : records) {
            names.addAll(record.keySet());
        }
        List<String> columns = List.copyOf(names);
        List<List<Object>> rows = new ArrayList<>(records.size());
        for (Map<String, ?> record : records) {
            List<Object> row = new ArrayList<>(columns.size());
            for (String column : columns) {
                row.add(record.get(column));
            }
            rows.add(row);
        }
        return new DataFrame(columns, rows, null);
    }

    /**
     * Starts a row-by-row builder.
     *
     * @param columns column names
     * @return the builder
     */
    public static Builder builder(String... columns) {
        return new Builder(Arrays.asList(columns));
    }

    /**
     * Number of rows, as the server's {@code DataFrame.size()}.
     *
     * @return the row count
     */
    public int size() {
        return rows.size();
    }

    /**
     * Whether there are no rows.
     *
     * @return {@code true} without rows
     */
    @JsonIgnore
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /**
     * Number of rows.
     *
     * @return the row count
     * @deprecated use {@link #size()}, the server's name; kept for one release
     */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public int rowCount() {
        return size();
    }

    /**
     * The rows.
     *
     * @return the rows
     * @deprecated use {@link #rows()}, the server's name; kept for one release
     */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public List<List<Object>> data() {
        return rows;
    }

    /**
     * Index of a column.
     *
     * @param name column name
     * @return its index
     * @throws IllegalArgumentException if there is no such column
     */
    public int columnIndex(String name) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("No column '" + name + "' in " + columns);
        }
        return index;
    }

    /**
     * The values of one column, top to bottom ({@code null} where a row is too short).
     *
     * @param name column name
     * @return the column's values
     */
    public List<Object> column(String name) {
        int index = columnIndex(name);
        List<Object> values = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            values.add(index < row.size() ? row.get(index) : null);
        }
        return Collections.unmodifiableList(values);
    }

    /**
     * The rows as records keyed by column name, in column order.
     *
     * @return one map per row
     */
    public List<Map<String, Object>> toRecords() {
        List<Map<String, Object>> records = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            Map<String, Object> record = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                record.put(columns.get(i), i < row.size() ? row.get(i) : null);
            }
            records.add(Collections.unmodifiableMap(record));
        }
        return Collections.unmodifiableList(records);
    }

    /**
     * A copy with the given schema.
     *
     * @param schema the schema, or {@code null} to drop it
     * @return the new DataFrame
     */
    public DataFrame withSchema(TableSchema schema) {
        return new DataFrame(columns, rows, schema);
    }

    /** Builds a DataFrame row by row, checking each row's width. */
    public static final class Builder {

        private final List<String> columns;
        private final List<List<Object>> rows = new ArrayList<>();
        private final List<SchemaField> fields = new ArrayList<>();

        private Builder(List<String> columns) {
            if (new LinkedHashSet<>(columns).size() != columns.size()) {
                throw new IllegalArgumentException("Duplicate column names in " + columns);
            }
            this.columns = List.copyOf(columns);
        }

        /**
         * Adds a row.
         *
         * @param values one value per column
         * @return this builder
         * @throws IllegalArgumentException if the row's width differs from the column count
         */
        public Builder row(Object... values) {
            if (values.length != columns.size()) {
                throw new IllegalArgumentException(
                        "Row has " + values.length + " values but there are " + columns.size() + " columns");
            }
            rows.add(new ArrayList<>(Arrays.asList(values)));
            return this;
        }

        /**
         * Declares a column's type in the schema.
         *
         * @param column column name
         * @param type {@code string}, {@code integer}, {@code number}, {@code boolean} or {@code any}
         * @return this builder
         */
        public Builder type(String column, String type) {
            if (!columns.contains(column)) {
                throw new IllegalArgumentException("No column '" + column + "' in " + columns);
            }
            fields.add(SchemaField.of(column, Objects.requireNonNull(type, "type")));
            return this;
        }

        /**
         * Builds the DataFrame; it has a schema only if {@link #type(String, String)} was called.
         *
         * @return the DataFrame
         */
        public DataFrame build() {
            return new DataFrame(columns, rows, fields.isEmpty() ? null : new TableSchema(fields));
        }
    }
}
