package org.chapkit.ml.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * chapkit's tabular interchange format: {@code {"columns":[…],"data":[[…],…],"schema"?:{…}}}.
 *
 * <p>{@code data} is row-major. A cell is a JSON scalar ({@link String}, {@link Long} or another integral
 * {@link Number}, {@link Double}, {@link Boolean}) or {@code null} for a missing value; anything else arrives as a
 * {@link JsonNode} and is passed through. {@code schema} is optional and omitted from the JSON when absent; the
 * input accepts it as {@code schema} or {@code table_schema}. (De)serialisation streams the rows, so no
 * intermediate JSON tree is built for large frames; a decoded frame stores its cells column by column in typed
 * primitive buffers ({@link #rows()} is a read-only view of them), which makes {@link TablesawFrames#toTable(DataFrame)} a bulk copy. Nothing checks row lengths against the column count, as in
 * chapkit; {@link TablesawFrames#toTable(DataFrame)} does.
 *
 * @param columns the column names
 * @param rows the rows, each a list of cells (its elements may be {@code null})
 * @param schema the optional schema, {@code null} when absent
 */
@JsonSerialize(using = DataFrameJson.Serializer.class)
@JsonDeserialize(using = DataFrameJson.Deserializer.class)
public record DataFrame(List<String> columns, List<List<Object>> rows, DataFrameSchema schema) {

    /**
     * Copies the column and row lists (cells are not copied; rows should not be mutated afterwards). Rows decoded
     * from JSON are already immutable and column-major; they are kept as they are.
     */
    public DataFrame {
        columns = List.copyOf(columns);
        rows = rows instanceof ColumnarRows ? rows : List.copyOf(rows);
    }

    /**
     * A frame without schema.
     *
     * @param columns the column names
     * @param rows the rows
     * @return the frame
     */
    public static DataFrame of(List<String> columns, List<List<Object>> rows) {
        return new DataFrame(columns, rows, null);
    }

    /**
     * A frame from JSON cells given column by column (the inference protocols' tensors), each cell read as the
     * frame's JSON deserializer reads the same JSON value ({@code $predict}'s frames), so a value reaches a model as
     * the same Java value whichever way it came.
     *
     * @param columns the columns in order, each its name and its cells top to bottom; all of one length
     * @return the frame, without schema
     * @throws IllegalArgumentException when the columns differ in length
     */
    public static DataFrame ofJsonColumns(Map<String, ? extends List<? extends JsonNode>> columns) {
        int rowCount = -1;
        for (Map.Entry<String, ? extends List<? extends JsonNode>> column : columns.entrySet()) {
            if (rowCount >= 0 && column.getValue().size() != rowCount) {
                throw new IllegalArgumentException("column " + column.getKey() + " has "
                        + column.getValue().size() + " values, the others " + rowCount);
            }
            rowCount = column.getValue().size();
        }
        List<String> names = List.copyOf(columns.keySet());
        List<List<? extends JsonNode>> cells = new ArrayList<>(columns.values());
        return new DataFrame(names, DataFrameJson.rowsOfColumns(cells, Math.max(rowCount, 0)), null);
    }

    /**
     * A row that may contain {@code null} cells.
     *
     * @param cells the cells
     * @return an unmodifiable row
     */
    public static List<Object> row(Object... cells) {
        return Collections.unmodifiableList(Arrays.asList(cells.clone()));
    }

    /**
     * The number of rows ({@code len(DataFrame)} in chapkit).
     *
     * @return the row count
     */
    public int size() {
        return rows.size();
    }

    /**
     * Whether there are no rows or no columns.
     *
     * @return {@code true} when empty
     */
    public boolean isEmpty() {
        return rows.isEmpty() || columns.isEmpty();
    }

    /**
     * The values of one column, {@code null} for missing cells (and for cells beyond a short row).
     *
     * @param column the column name
     * @return the values, top to bottom
     * @throws IllegalArgumentException when there is no such column
     */
    public List<Object> column(String column) {
        int index = columns.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("No column '" + column + "' in " + columns);
        }
        List<Object> values = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            values.add(index < row.size() ? row.get(index) : null);
        }
        return values;
    }

    /**
     * The same frame with the given schema.
     *
     * @param newSchema the schema, or {@code null} to drop it
     * @return the new frame
     */
    public DataFrame withSchema(DataFrameSchema newSchema) {
        return new DataFrame(columns, rows, newSchema);
    }

    /**
     * The same frame with a schema resolved in chapkit's order (chap-core canonical columns, then required
     * covariates as {@code number}, then the config JSON Schema's property types, then inference from values).
     *
     * @param requiredCovariates covariates the service declares as required (may be empty)
     * @param configSchema the config's JSON Schema, or {@code null}
     * @return the new frame
     */
    public DataFrame withInferredSchema(List<String> requiredCovariates, JsonNode configSchema) {
        return withSchema(SchemaInference.infer(this, requiredCovariates, configSchema));
    }

    /**
     * The same frame with a schema inferred from the canonical columns and the values only.
     *
     * @return the new frame
     */
    public DataFrame withInferredSchema() {
        return withInferredSchema(List.of(), null);
    }
}
