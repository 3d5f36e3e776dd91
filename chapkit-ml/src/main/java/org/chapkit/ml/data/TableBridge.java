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
import tech.tablesaw.columns.numbers.DoubleColumnType;
import tech.tablesaw.columns.numbers.IntColumnType;
import tech.tablesaw.columns.numbers.LongColumnType;

/** Converts between {@link DataFrame} and Tablesaw {@link Table}, keeping column types and missing values. */
final class TableBridge {

    private TableBridge() {}

    static Table toTable(DataFrame frame, String name) {
        if (frame.rows() instanceof ColumnarRows columnar) {
            return toTable(frame, columnar, name);
        }
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

    /**
     * The fast path for frames decoded from JSON: types come from the tags seen while decoding and columns are
     * built from primitive arrays. Anything unusual (a value that does not fit the declared type, big integers,
     * JSON objects, mixed types) takes the boxed path below with the same values, so results and error messages
     * are the same as for row lists.
     */
    private static Table toTable(DataFrame frame, ColumnarRows rows, String name) {
        int width = frame.columns().size();
        if (rows.maxLength() > width) {
            for (int r = 0; r < rows.size(); r++) {
                if (rows.rowLength(r) > width) {
                    throw new IllegalArgumentException("Row " + r + " has " + rows.rowLength(r)
                            + " values but the frame has " + width + " columns");
                }
            }
        }
        Table table = Table.create(name);
        for (int c = 0; c < width; c++) {
            String column = frame.columns().get(c);
            FieldType type = frame.schema() == null
                    ? FieldType.ANY
                    : frame.schema().typeOf(column).orElse(FieldType.ANY);
            ColumnarRows.Slot slot = rows.slot(c);
            int seen = slot == null ? 0 : slot.seen & ~(1 << ColumnarRows.NULL);
            Column<?> built = null;
            if ((seen & 1 << ColumnarRows.OBJECT) == 0) {
                if (type == FieldType.ANY) {
                    type = inferFromTags(seen);
                }
                built = primitiveColumn(column, type, seen, slot, rows.size());
            }
            if (built == null) {
                List<Object> values = rows.columnValues(c);
                if (type == FieldType.ANY) {
                    type = SchemaInference.inferFromValues(values);
                }
                built = toColumn(column, type, values);
            }
            table.addColumns(built);
        }
        return table;
    }

    /** {@link SchemaInference#inferFromValues} for a column without {@code OBJECT} cells. */
    private static FieldType inferFromTags(int seen) {
        int integers = 1 << ColumnarRows.LONG;
        int numbers = integers | 1 << ColumnarRows.DOUBLE;
        int booleans = 1 << ColumnarRows.TRUE | 1 << ColumnarRows.FALSE;
        if (seen == 0) {
            return FieldType.ANY;
        } else if (seen == integers) {
            return FieldType.INTEGER;
        } else if ((seen & ~numbers) == 0) {
            return FieldType.NUMBER;
        } else if ((seen & ~booleans) == 0) {
            return FieldType.BOOLEAN;
        } else if (seen == 1 << ColumnarRows.STRING) {
            return FieldType.STRING;
        }
        return FieldType.ANY;
    }

    /**
     * A column built from the slot's buffers, or {@code null} when the values need the boxed path (a value that
     * is not the declared type, or an any-typed column of mixed values).
     */
    private static Column<?> primitiveColumn(
            String column, FieldType type, int seen, ColumnarRows.Slot slot, int rowCount) {
        int nonNumeric = ~(1 << ColumnarRows.LONG | 1 << ColumnarRows.DOUBLE);
        // A position no row reaches is all missing.
        byte[] tags = slot == null ? new byte[rowCount] : slot.tags;
        long[] bits = slot == null ? null : slot.bits;
        switch (type) {
            case INTEGER -> {
                return seen == 0 || seen == 1 << ColumnarRows.LONG ? integerColumn(column, tags, bits, rowCount) : null;
            }
            case NUMBER -> {
                if ((seen & nonNumeric) != 0) {
                    return null;
                }
                double[] doubles = new double[rowCount];
                for (int r = 0; r < rowCount; r++) {
                    doubles[r] = switch (tags[r]) {
                        case ColumnarRows.LONG -> (double) bits[r];
                        case ColumnarRows.DOUBLE -> Double.longBitsToDouble(bits[r]);
                        default -> DoubleColumnType.missingValueIndicator();
                    };
                }
                return DoubleColumn.create(column, doubles);
            }
            case BOOLEAN -> {
                if ((seen & ~(1 << ColumnarRows.TRUE | 1 << ColumnarRows.FALSE)) != 0) {
                    return null;
                }
                BooleanColumn booleans = BooleanColumn.create(column);
                for (int r = 0; r < rowCount; r++) {
                    switch (tags[r]) {
                        case ColumnarRows.TRUE -> booleans.append(true);
                        case ColumnarRows.FALSE -> booleans.append(false);
                        default -> booleans.appendMissing();
                    }
                }
                return booleans;
            }
            default -> {
                // STRING, and ANY, which here is only the all-missing column or one of strings.
                if ((seen & ~(1 << ColumnarRows.STRING)) != 0) {
                    return null;
                }
                StringColumn strings = StringColumn.create(column);
                for (int r = 0; r < rowCount; r++) {
                    if (tags[r] == ColumnarRows.STRING) {
                        strings.append((String) slot.refs[r]);
                    } else {
                        strings.appendMissing();
                    }
                }
                return strings;
            }
        }
    }

    /** An all-long (or all-missing) slot as {@code IntColumn}, or {@code LongColumn} beyond the int range. */
    private static Column<?> integerColumn(String column, byte[] tags, long[] bits, int rowCount) {
        boolean fitsInt = true;
        for (int r = 0; r < rowCount; r++) {
            if (tags[r] == ColumnarRows.LONG) {
                long v = bits[r];
                if (v == Long.MIN_VALUE) {
                    return null; // the boxed path reports it
                }
                fitsInt &= v > Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
            }
        }
        if (fitsInt) {
            int[] ints = new int[rowCount];
            for (int r = 0; r < rowCount; r++) {
                ints[r] = tags[r] == ColumnarRows.LONG ? (int) bits[r] : IntColumnType.missingValueIndicator();
            }
            return IntColumn.create(column, ints);
        }
        long[] longs = new long[rowCount];
        for (int r = 0; r < rowCount; r++) {
            longs[r] = tags[r] == ColumnarRows.LONG ? bits[r] : LongColumnType.missingValueIndicator();
        }
        return LongColumn.create(column, longs);
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
