package org.chapkit.client.data.tablesaw;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chapkit.client.data.DataFrame;
import org.chapkit.client.data.SchemaField;
import org.chapkit.client.data.TableSchema;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Converts between chapkit {@link DataFrame}s and Tablesaw {@link Table}s. This class is the only one in the
 * client that touches Tablesaw; Tablesaw is an optional dependency, so add {@code tech.tablesaw:tablesaw-core}
 * yourself to use it.
 */
public final class TablesawFrames {

    private TablesawFrames() {}

    /**
     * A DataFrame with the table's columns, rows and a schema derived from the column types. Missing values become
     * {@code null}; numbers and booleans stay as they are; other values (dates, times) become their ISO text.
     *
     * @param table the table
     * @return the DataFrame
     */
    public static DataFrame fromTable(Table table) {
        List<Column<?>> columns = table.columns();
        List<String> names = new ArrayList<>(columns.size());
        List<SchemaField> fields = new ArrayList<>(columns.size());
        for (Column<?> column : columns) {
            names.add(column.name());
            fields.add(SchemaField.of(column.name(), schemaType(column.type())));
        }
        List<List<Object>> rows = new ArrayList<>(table.rowCount());
        for (int row = 0; row < table.rowCount(); row++) {
            List<Object> values = new ArrayList<>(columns.size());
            for (Column<?> column : columns) {
                values.add(column.isMissing(row) ? null : cell(column.get(row)));
            }
            rows.add(values);
        }
        return new DataFrame(names, rows, new TableSchema(fields));
    }

    /**
     * A Tablesaw table with one column per DataFrame column. Column types come from the DataFrame's schema where it
     * declares {@code integer}, {@code number}, {@code boolean} or {@code string}; otherwise they are inferred
     * from the values (all integral numbers → {@code IntColumn} or {@code LongColumn}, all numbers →
     * {@code DoubleColumn}, all booleans → {@code BooleanColumn}, anything else → {@code StringColumn}).
     *
     * @param frame the DataFrame
     * @param name the table name
     * @return the table
     * @throws IllegalArgumentException if a value does not fit the declared column type
     */
    public static Table toTable(DataFrame frame, String name) {
        Map<String, String> declared = new java.util.HashMap<>();
        if (frame.schema() != null) {
            for (SchemaField field : frame.schema().fields()) {
                declared.put(field.name(), field.type());
            }
        }
        Table table = Table.create(name);
        for (String columnName : frame.columns()) {
            List<Object> values = frame.column(columnName);
            String type = declared.getOrDefault(columnName, "any");
            table.addColumns(column(columnName, "any".equals(type) || type == null ? infer(values) : type, values));
        }
        return table;
    }

    private static Column<?> column(String name, String type, List<Object> values) {
        return switch (type) {
            case "integer" -> integerColumn(name, values);
            case "number" -> {
                DoubleColumn column = DoubleColumn.create(name);
                for (Object value : values) {
                    if (value == null) {
                        column.appendMissing();
                    } else {
                        column.append(requireNumber(name, value).doubleValue());
                    }
                }
                yield column;
            }
            case "boolean" -> {
                BooleanColumn column = BooleanColumn.create(name);
                for (Object value : values) {
                    if (value == null) {
                        column.appendMissing();
                    } else if (value instanceof Boolean bool) {
                        column.append(bool);
                    } else {
                        throw new IllegalArgumentException("Column '" + name + "' is boolean but holds "
                                + value.getClass().getSimpleName());
                    }
                }
                yield column;
            }
            default -> {
                StringColumn column = StringColumn.create(name);
                for (Object value : values) {
                    if (value == null) {
                        column.appendMissing();
                    } else {
                        column.append(String.valueOf(value));
                    }
                }
                yield column;
            }
        };
    }

    private static Column<?> integerColumn(String name, List<Object> values) {
        boolean fitsInt = true;
        for (Object value : values) {
            if (value != null) {
                long number = requireIntegral(name, value);
                fitsInt &= number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE;
            }
        }
        if (fitsInt) {
            IntColumn column = IntColumn.create(name);
            for (Object value : values) {
                if (value == null) {
                    column.appendMissing();
                } else {
                    column.append((int) requireIntegral(name, value));
                }
            }
            return column;
        }
        LongColumn column = LongColumn.create(name);
        for (Object value : values) {
            if (value == null) {
                column.appendMissing();
            } else {
                column.append(requireIntegral(name, value));
            }
        }
        return column;
    }

    private static String infer(List<Object> values) {
        boolean integral = true;
        boolean numeric = true;
        boolean bool = true;
        boolean any = false;
        for (Object value : values) {
            if (value == null) {
                continue;
            }
            any = true;
            integral &= isIntegral(value);
            numeric &= value instanceof Number;
            bool &= value instanceof Boolean;
        }
        if (!any) {
            return "string";
        }
        return integral ? "integer" : numeric ? "number" : bool ? "boolean" : "string";
    }

    private static boolean isIntegral(Object value) {
        return value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte
                || (value instanceof BigInteger big && big.bitLength() < 64);
    }

    private static Number requireNumber(String column, Object value) {
        if (value instanceof Number number) {
            return number;
        }
        throw new IllegalArgumentException("Column '" + column + "' is numeric but holds "
                + value.getClass().getSimpleName() + " " + value);
    }

    private static long requireIntegral(String column, Object value) {
        if (isIntegral(value)) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return number.longValue();
        }
        throw new IllegalArgumentException("Column '" + column + "' is integer but holds " + value);
    }

    private static Object cell(Object value) {
        if (value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        return String.valueOf(value);
    }

    /** Compares by name: Tablesaw's type constants are not guaranteed to be the instances its columns return. */
    private static String schemaType(ColumnType type) {
        return switch (type.name()) {
            case "INTEGER", "LONG", "SHORT" -> "integer";
            case "DOUBLE", "FLOAT" -> "number";
            case "BOOLEAN" -> "boolean";
            default -> "string";
        };
    }
}
