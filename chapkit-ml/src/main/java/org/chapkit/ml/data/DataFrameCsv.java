package org.chapkit.ml.data;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * CSV in chapkit's conventions ({@code DataFrame.to_csv} / {@code from_csv}).
 *
 * <p>Writing follows Python's {@code csv.writer} defaults byte for byte: a header row, comma, minimal quoting,
 * {@code \r\n} line endings, {@code null} as an empty field and values formatted as Python's {@code str()} ({@code 10.0},
 * {@code True}). Reading infers one type per column: empty → {@code null}; {@code true/yes/false/no} (any case) →
 * {@link Boolean}; integer text without {@code .} or {@code e} → {@link Long}; otherwise {@link Double}; otherwise
 * {@link String}. A column mixing integers and floats becomes floats; any other mix stays strings.
 */
public final class DataFrameCsv {

    /** Fields Python's {@code QUOTE_MINIMAL} quotes: delimiter, quote or line break inside. */
    private static final CSVFormat QUOTED =
            CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.ALL).get();

    /** Every other field is written as it is. */
    private static final CSVFormat PLAIN =
            CSVFormat.DEFAULT.builder().setQuote(null).get();

    private static final CSVFormat READ_FORMAT = CSVFormat.DEFAULT.builder().get();

    /** Python {@code float()} literals (decimal, exponent, nan, inf), after stripping whitespace. */
    private static final Pattern PYTHON_FLOAT = Pattern.compile(
            "[+-]?(?:(?:\\d(?:_?\\d)*)?\\.?\\d(?:_?\\d)*\\.?(?:[eE][+-]?\\d(?:_?\\d)*)?|nan|inf|infinity)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern PYTHON_INT = Pattern.compile("[+-]?\\d(?:_?\\d)*");

    private DataFrameCsv() {}

    /**
     * Writes a frame as CSV.
     *
     * @param frame the frame
     * @param out where to write
     */
    public static void write(DataFrame frame, Appendable out) {
        try {
            writeRow(frame.columns(), out);
            for (List<Object> row : frame.rows()) {
                writeRow(row, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write CSV", e);
        }
    }

    /**
     * One record with Python's quoting decisions; commons-csv does the quoting itself. Python quotes a field
     * holding a delimiter, a quote or a line break, and a lone empty field (so the row is not a blank line).
     */
    private static void writeRow(List<?> cells, Appendable out) throws IOException {
        boolean first = true;
        for (Object cell : cells) {
            String text = cell == null ? "" : PythonValues.str(cell);
            boolean quote = text.indexOf(',') >= 0
                    || text.indexOf('"') >= 0
                    || text.indexOf('\r') >= 0
                    || text.indexOf('\n') >= 0
                    || (cells.size() == 1 && text.isEmpty());
            (quote ? QUOTED : PLAIN).print(text, out, first);
            first = false;
        }
        out.append("\r\n");
    }

    /**
     * Writes a frame as CSV text.
     *
     * @param frame the frame
     * @return the CSV
     */
    public static String toCsv(DataFrame frame) {
        StringBuilder out = new StringBuilder();
        write(frame, out);
        return out.toString();
    }

    /**
     * Writes a frame to a UTF-8 CSV file.
     *
     * @param frame the frame
     * @param file the file, created or replaced
     */
    public static void write(DataFrame frame, Path file) {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(frame, writer);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /**
     * Reads CSV with a header row and chapkit's type inference. Every row must have as many fields as the header.
     *
     * @param reader the CSV
     * @return a frame without schema
     * @throws IllegalArgumentException naming the line of a row whose field count differs from the header's
     */
    public static DataFrame read(Reader reader) {
        List<String> columns;
        List<String[]> raw = new ArrayList<>();
        try (CSVParser parser =
                CSVParser.builder().setReader(reader).setFormat(READ_FORMAT).get()) {
            columns = null;
            long line = 1; // where the next record starts
            for (CSVRecord record : parser) {
                if (columns == null) {
                    columns = record.toList();
                } else if (record.size() != columns.size()) {
                    // never pad or drop: a ragged row is a broken file, not missing values
                    throw new IllegalArgumentException("line " + line + " has " + record.size() + " field"
                            + (record.size() == 1 ? "" : "s") + ", the header has " + columns.size());
                } else {
                    raw.add(record.values());
                }
                line = parser.getCurrentLineNumber() + 1;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read CSV", e);
        }
        if (columns == null) {
            return DataFrame.of(List.of(), List.of());
        }
        int width = columns.size();
        Object[][] cells = new Object[raw.size()][width];
        for (int c = 0; c < width; c++) {
            convertColumn(raw, c, cells, columns.get(c));
        }
        List<List<Object>> rows = new ArrayList<>(cells.length);
        for (Object[] row : cells) {
            rows.add(Collections.unmodifiableList(Arrays.asList(row)));
        }
        return DataFrame.of(columns, rows);
    }

    /**
     * Reads CSV text; see {@link #read(Reader)}.
     *
     * @param csv the CSV text
     * @return a frame without schema
     */
    public static DataFrame parse(String csv) {
        return read(new StringReader(csv));
    }

    /**
     * Reads a UTF-8 CSV file; see {@link #read(Reader)}.
     *
     * @param file the file
     * @return a frame without schema
     */
    public static DataFrame read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private enum Kind {
        NONE,
        BOOL,
        INT,
        FLOAT,
        STR
    }

    private static void convertColumn(List<String[]> raw, int column, Object[][] cells, String name) {
        Kind kind = Kind.NONE;
        for (String[] row : raw) {
            Kind valueKind = kindOf(column < row.length ? row[column] : "");
            if (valueKind == Kind.NONE || valueKind == kind) {
                continue;
            }
            if (kind == Kind.NONE) {
                kind = valueKind;
            } else if ((kind == Kind.INT && valueKind == Kind.FLOAT) || (kind == Kind.FLOAT && valueKind == Kind.INT)) {
                kind = Kind.FLOAT;
            } else {
                kind = Kind.STR;
            }
        }
        for (int r = 0; r < raw.size(); r++) {
            String[] row = raw.get(r);
            String text = column < row.length ? row[column] : "";
            cells[r][column] = text.isBlank() ? null : convert(text, kind);
        }
    }

    private static Kind kindOf(String value) {
        if (value.isBlank()) {
            return Kind.NONE;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("yes") || lower.equals("false") || lower.equals("no")) {
            return Kind.BOOL;
        }
        String stripped = value.strip();
        if (!value.contains(".")
                && !lower.contains("e")
                && PYTHON_INT.matcher(stripped).matches()) {
            return Kind.INT;
        }
        return PYTHON_FLOAT.matcher(stripped).matches() ? Kind.FLOAT : Kind.STR;
    }

    private static Object convert(String text, Kind kind) {
        return switch (kind) {
            case BOOL -> {
                String lower = text.toLowerCase(Locale.ROOT);
                yield lower.equals("true") || lower.equals("yes");
            }
            case INT -> {
                BigInteger big = new BigInteger(text.strip().replace("_", ""));
                yield big.bitLength() < 64 ? (Object) big.longValue() : big;
            }
            case FLOAT -> parseFloat(text.strip().replace("_", ""));
            case STR, NONE -> text;
        };
    }

    private static double parseFloat(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean negative = lower.startsWith("-");
        String unsigned = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
        return switch (unsigned) {
            case "nan" -> Double.NaN;
            case "inf", "infinity" -> negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }
}
