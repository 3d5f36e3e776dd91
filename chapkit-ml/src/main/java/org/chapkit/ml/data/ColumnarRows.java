package org.chapkit.ml.data;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The rows of a decoded {@link DataFrame}, stored column by column in primitive buffers.
 *
 * <p>The JSON deserialiser fills one {@link Slot} per cell position while it reads the row-major tokens, so
 * numbers and booleans are never boxed and no per-row lists are built; {@link TableBridge} then creates Tablesaw
 * columns from the buffers in bulk. To everyone else it is an immutable {@code List<List<Object>>} whose rows
 * are views: a cell comes back as the same value the boxed decoder returned ({@link Long}, {@link Double},
 * {@link Boolean}, {@link String}, a {@code BigInteger} or a {@code JsonNode}, or {@code null}), and rows keep
 * their original lengths.
 */
final class ColumnarRows extends AbstractList<List<Object>> implements RandomAccess {

    /** Cell tags; a slot's {@code seen} mask has bit {@code 1 << tag} set for every tag it holds. */
    static final byte NULL = 0;

    static final byte LONG = 1;
    static final byte DOUBLE = 2;
    static final byte TRUE = 3;
    static final byte FALSE = 4;
    static final byte STRING = 5;
    /** Any other value (a {@code BigInteger}, a {@code JsonNode}), kept as it was decoded. */
    static final byte OBJECT = 6;

    private final int rowCount;
    private final int[] rowLengths;
    private final int maxLength;
    private final Slot[] slots;

    private ColumnarRows(int rowCount, int[] rowLengths, int maxLength, Slot[] slots) {
        this.rowCount = rowCount;
        this.rowLengths = rowLengths;
        this.maxLength = maxLength;
        this.slots = slots;
    }

    @Override
    public List<Object> get(int row) {
        return new Row(Objects.checkIndex(row, rowCount));
    }

    @Override
    public int size() {
        return rowCount;
    }

    /** The longest row's length. */
    int maxLength() {
        return maxLength;
    }

    /** The length of one row. */
    int rowLength(int row) {
        return rowLengths[row];
    }

    /** The buffers of cell position {@code index}, or {@code null} when no row is that long. */
    Slot slot(int index) {
        return index < slots.length ? slots[index] : null;
    }

    /**
     * The boxed values of cell position {@code index}, {@code null} for missing cells and cells beyond a short
     * row (as {@link DataFrame#column(String)}).
     */
    List<Object> columnValues(int index) {
        Slot slot = slot(index);
        List<Object> values = new ArrayList<>(rowCount);
        for (int r = 0; r < rowCount; r++) {
            values.add(slot == null ? null : slot.get(r));
        }
        return values;
    }

    /** One cell position's values: a tag per row, primitives as {@code long} bits, everything else as objects. */
    static final class Slot {

        byte[] tags;
        long[] bits;
        Object[] refs;
        int seen;

        Slot(int capacity) {
            tags = new byte[capacity];
        }

        /** The value of a row, boxed as the row-list decoder returns it. */
        Object get(int row) {
            return switch (tags[row]) {
                case LONG -> bits[row];
                case DOUBLE -> Double.longBitsToDouble(bits[row]);
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                case STRING, OBJECT -> refs[row];
                default -> null;
            };
        }

        private void grow(int capacity) {
            tags = Arrays.copyOf(tags, capacity);
            if (bits != null) {
                bits = Arrays.copyOf(bits, capacity);
            }
            if (refs != null) {
                refs = Arrays.copyOf(refs, capacity);
            }
        }

        private void putBits(int row, byte tag, long value) {
            if (bits == null) {
                bits = new long[tags.length];
            }
            tags[row] = tag;
            bits[row] = value;
            seen |= 1 << tag;
        }

        private void putRef(int row, byte tag, Object value) {
            if (refs == null) {
                refs = new Object[tags.length];
            }
            tags[row] = tag;
            refs[row] = value;
            seen |= 1 << tag;
        }
    }

    /** A read-only view of one row. */
    private final class Row extends AbstractList<Object> implements RandomAccess {

        private final int row;

        Row(int row) {
            this.row = row;
        }

        @Override
        public Object get(int index) {
            return slots[Objects.checkIndex(index, rowLengths[row])].get(row);
        }

        @Override
        public int size() {
            return rowLengths[row];
        }
    }

    /** Collects cells row by row; rows may differ in length. Not thread-safe, used once. */
    static final class Builder {

        private static final int INITIAL_CAPACITY = 64;

        private int capacity = INITIAL_CAPACITY;
        private int rowCount;
        private int[] rowLengths = new int[INITIAL_CAPACITY];
        private int maxLength;
        private Slot[] slots = new Slot[8];
        private int row = -1;

        /** Starts the next row. */
        void startRow() {
            row = rowCount;
            if (row == capacity) {
                capacity *= 2;
                rowLengths = Arrays.copyOf(rowLengths, capacity);
                for (int i = 0; i < maxLength; i++) {
                    slots[i].grow(capacity);
                }
            }
        }

        /** Ends the current row, which had {@code length} cells. */
        void endRow(int length) {
            rowLengths[row] = length;
            rowCount++;
        }

        /** The number of completed rows. */
        int rowCount() {
            return rowCount;
        }

        private Slot slot(int index) {
            if (index < maxLength) {
                return slots[index];
            }
            if (index == slots.length) {
                slots = Arrays.copyOf(slots, slots.length * 2);
            }
            Slot slot = new Slot(capacity);
            slots[index] = slot;
            maxLength = index + 1;
            return slot;
        }

        void putNull(int index) {
            Slot slot = slot(index);
            slot.seen |= 1 << NULL;
        }

        void putLong(int index, long value) {
            slot(index).putBits(row, LONG, value);
        }

        void putDouble(int index, double value) {
            slot(index).putBits(row, DOUBLE, Double.doubleToRawLongBits(value));
        }

        void putBoolean(int index, boolean value) {
            slot(index).putBits(row, value ? TRUE : FALSE, 0);
        }

        void putString(int index, String value) {
            slot(index).putRef(row, STRING, value);
        }

        void putObject(int index, Object value) {
            slot(index).putRef(row, OBJECT, value);
        }

        ColumnarRows build() {
            return new ColumnarRows(
                    rowCount, Arrays.copyOf(rowLengths, rowCount), maxLength, Arrays.copyOf(slots, maxLength));
        }
    }
}
