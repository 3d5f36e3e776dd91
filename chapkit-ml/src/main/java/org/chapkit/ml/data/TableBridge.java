package org.chapkit.ml.data;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Converts between {@link DataFrame} and Tablesaw {@link Table}, keeping column types and missing values. */
final class TableBridge {

    private TableBridge() {}

    static Table toTable(DataFrame frame, String name) {
        int width = frame.columns().size();
        for (int r = 0; r < frame.rows().size(); r++) {
            if (frame.rows().get(r).size() > width) {
                throw new IllegalArgumentException("Row " + r + " has "
                        + frame.rows().get(r).size() + " values but the frame has " + width + " columns");
            }
        }
        Table table = Table.create(name);
        for (String column : frame.columns()) {
            List<Object> values = frame.column(column);
            FieldType type = frame.schema() == null
                    ? FieldType.ANY
                    : frame.schema().typeOf(column).orElse(FieldType.ANY);
            if (type == FieldType.ANY) {
                type = SchemaInference.inferFromValues(values);
            }
            table.addColumns(toColumn(column, type, values));
        }
        return table;
    }

    private static Column<?> toColumn(String column, FieldType type, List<Object> values) {
        return switch (type) {
            case INTEGER -> integerColumn(column, values);
            case NUMBER -> {
                DoubleColumn doubles = DoubleColumn.create(column);
                for (Object value : values) {
                    if (value == null) {
                        doubles.appendMissing();
                    } else if (value instanceof Number number && !(value instanceof Boolean)) {
                        doubles.append(number.doubleValue());
                    } else {
                        throw mismatch(column, type, value);
                    }
                }
                yield doubles;
            }
            case BOOLEAN -> {
                BooleanColumn booleans = BooleanColumn.create(column);
                for (Object value : values) {
                    if (value == null) {
                        booleans.appendMissing();
                    } else if (value instanceof Boolean bool) {
                        booleans.append(bool);
                    } else {
                        throw mismatch(column, type, value);
                    }
                }
                yield booleans;
            }
            // Strings, mixed columns and all-missing columns: Python str() of each value.
            case STRING, ANY -> {
                StringColumn strings = StringColumn.create(column);
                for (Object value : values) {
                    if (value == null) {
                        strings.appendMissing();
                    } else {
                        strings.append(PythonValues.str(value));
                    }
                }
                yield strings;
            }
        };
    }

    private static Column<?> integerColumn(String column, List<Object> values) {
        long[] longs = new long[values.size()];
        boolean[] missing = new boolean[values.size()];
        boolean fitsInt = true;
        for (int i = 0; i < longs.length; i++) {
            Object value = values.get(i);
            if (value == null) {
                missing[i] = true;
                continue;
            }
            long v = integral(column, value);
            // Tablesaw reserves MIN_VALUE as its missing marker.
            if (v == Long.MIN_VALUE) {
                throw new IllegalArgumentException(
                        "Column '" + column + "' holds " + v + ", which Tablesaw reserves for missing values");
            }
            fitsInt &= v > Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
            longs[i] = v;
        }
        if (fitsInt) {
            IntColumn ints = IntColumn.create(column);
            for (int i = 0; i < longs.length; i++) {
                if (missing[i]) {
                    ints.appendMissing();
                } else {
                    ints.append((int) longs[i]);
                }
            }
            return ints;
        }
        LongColumn result = LongColumn.create(column);
        for (int i = 0; i < longs.length; i++) {
            if (missing[i]) {
                result.appendMissing();
            } else {
                result.append(longs[i]);
            }
        }
        return result;
    }

    private static long integral(String column, Object value) {
        return switch (value) {
            case Long l -> l;
            case Integer i -> i;
            case Short s -> s;
            case Byte b -> b;
            case BigInteger big when big.bitLength() < 64 -> big.longValue();
            case Double d when d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 0x1p63 -> d.longValue();
            case BigDecimal big when big.stripTrailingZeros().scale() <= 0 -> big.longValueExact();
            default -> throw mismatch(column, FieldType.INTEGER, value);
        };
    }

    private static IllegalArgumentException mismatch(String column, FieldType type, Object value) {
        return new IllegalArgumentException(
                "Column '" + column + "' is declared " + type.wireName() + " but holds " + PythonValues.str(value));
    }

    static DataFrame fromTable(Table table) {
        int rowCount = table.rowCount();
        int width = table.columnCount();
        Object[][] cells = new Object[rowCount][width];
        for (int c = 0; c < width; c++) {
            Column<?> column = table.column(c);
            for (int r = 0; r < rowCount; r++) {
                cells[r][c] = column.isMissing(r) ? null : cell(column, r);
            }
        }
        List<List<Object>> rows = new ArrayList<>(rowCount);
        for (Object[] row : cells) {
            rows.add(Collections.unmodifiableList(Arrays.asList(row)));
        }
        return DataFrame.of(table.columnNames(), rows);
    }

    private static Object cell(Column<?> column, int row) {
        return switch (column) {
            case IntColumn ints -> (long) ints.getInt(row);
            case LongColumn longs -> longs.getLong(row);
            case ShortColumn shorts -> (long) shorts.getShort(row);
            case DoubleColumn doubles -> doubles.getDouble(row);
            case FloatColumn floats -> (double) floats.getFloat(row);
            case BooleanColumn booleans -> booleans.get(row);
            case StringColumn strings -> strings.get(row);
            default -> column.getString(row);
        };
    }
}
