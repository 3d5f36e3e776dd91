package org.chapkit.ml.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.chapkit.artifact.transfer.TabularFormat;
import org.chapkit.artifact.transfer.TabularSource;
import org.chapkit.ml.data.PythonValues;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code format=csv}: chapkit's CSV (Python's {@code csv} module conventions: comma, minimal quoting, CRLF, None as
 * an empty field, {@code True}/{@code False}, floats as Python's {@code repr}), written row by row. Cells are copied
 * from the parser's buffer: strings are scanned once for characters that need quoting, and numbers whose stored text
 * already is Python's {@code repr} (see {@link #pythonRepr}) are copied without being parsed.
 */
final class CsvFormat implements TabularFormat {

    private final JsonMapper mapper;

    CsvFormat(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public String mediaType() {
        return "text/csv";
    }

    @Override
    public String extension() {
        return "csv";
    }

    @Override
    public void write(TabularSource source, OutputStream out) throws IOException {
        Utf8Buffer buffer = new Utf8Buffer(out);
        List<String> header = FrameRows.header(source);
        boolean lone = header.size() == 1;
        for (int i = 0; i < header.size(); i++) {
            if (i > 0) {
                buffer.ascii(',');
            }
            field(buffer, header.get(i), lone);
        }
        buffer.ascii('\r');
        buffer.ascii('\n');
        FrameRows.visit(source, new FrameRows.CellVisitor() {
            @Override
            public void startRow(String label) throws IOException {
                if (label != null) {
                    field(buffer, label, false);
                    buffer.ascii(',');
                }
            }

            @Override
            public void cell(int column, JsonToken token, JsonParser p) throws IOException {
                if (column > 0) {
                    buffer.ascii(',');
                }
                switch (token) {
                    case VALUE_NULL -> {
                        if (lone) {
                            buffer.write("\"\"");
                        }
                    }
                    case VALUE_STRING ->
                        field(buffer, p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), lone);
                    case VALUE_TRUE -> buffer.write("True");
                    case VALUE_FALSE -> buffer.write("False");
                    case VALUE_NUMBER_INT -> {
                        char[] chars = p.getTextCharacters();
                        int off = p.getTextOffset();
                        int len = p.getTextLength();
                        if (len == 2 && chars[off] == '-' && chars[off + 1] == '0') {
                            buffer.ascii('0');
                        } else {
                            buffer.write(chars, off, len);
                        }
                    }
                    case VALUE_NUMBER_FLOAT -> {
                        char[] chars = p.getTextCharacters();
                        int off = p.getTextOffset();
                        int len = p.getTextLength();
                        if (pythonRepr(chars, off, len)) {
                            buffer.write(chars, off, len);
                        } else {
                            buffer.write(PythonValues.repr(p.getDoubleValue()));
                        }
                    }
                    default -> field(buffer, PythonValues.str(p.readValueAsTree()), lone);
                }
            }

            @Override
            public void endRow() throws IOException {
                buffer.ascii('\r');
                buffer.ascii('\n');
            }
        });
        buffer.flush();
    }

    /** A field, quoted as Python's {@code csv} does when it holds a delimiter, quote or line break (or is lone). */
    private static void field(Utf8Buffer buffer, String text, boolean lone) throws IOException {
        char[] chars = text.toCharArray();
        field(buffer, chars, 0, chars.length, lone);
    }

    private static void field(Utf8Buffer buffer, char[] chars, int off, int len, boolean lone) throws IOException {
        boolean quote = lone && len == 0;
        int end = off + len;
        for (int i = off; i < end && !quote; i++) {
            char c = chars[i];
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            buffer.write(chars, off, len);
            return;
        }
        buffer.ascii('"');
        int start = off;
        for (int i = off; i < end; i++) {
            if (chars[i] == '"') {
                buffer.write(chars, start, i + 1 - start);
                buffer.ascii('"');
                start = i + 1;
            }
        }
        buffer.write(chars, start, end - start);
        buffer.ascii('"');
    }

    /**
     * Whether a JSON float's text is what Python's {@code repr} prints for its value, so it can be copied: plain
     * notation (no exponent) with {@code 1e-3 <= |x| < 1e7}, where {@code repr} and Java's {@link Double#toString}
     * (which wrote the stored text) both give the shortest round-tripping digits in the same layout; and no
     * trailing zero (other than {@code x.0}), which a hand-written text could have. Anything else is parsed and
     * formatted by {@link PythonValues#repr}.
     */
    static boolean pythonRepr(char[] chars, int off, int len) {
        int i = off;
        int end = off + len;
        if (i < end && chars[i] == '-') {
            i++;
        }
        int intStart = i;
        while (i < end && chars[i] >= '0' && chars[i] <= '9') {
            i++;
        }
        int intDigits = i - intStart;
        if (intDigits == 0 || intDigits > 7 || i >= end || chars[i] != '.') {
            return false;
        }
        i++;
        int fracStart = i;
        while (i < end && chars[i] >= '0' && chars[i] <= '9') {
            i++;
        }
        int fracDigits = i - fracStart;
        if (i != end || fracDigits == 0 || (chars[end - 1] == '0' && fracDigits > 1)) {
            return false;
        }
        int significant = intDigits + fracDigits;
        if (intDigits == 1 && chars[intStart] == '0') {
            // 0.00123 is >= 1e-3; 0.000123 and 0.0 are not (repr lays them out differently or it is zero)
            int zeros = 0;
            while (zeros < fracDigits && chars[fracStart + zeros] == '0') {
                zeros++;
            }
            if (zeros == fracDigits || zeros > 2) {
                return false;
            }
            significant = fracDigits - zeros;
        }
        return significant <= 17; // a shortest round-tripping text never has more
    }

    @Override
    public JsonNode read(InputStream in) {
        return mapper.valueToTree(DataFrameReaders.readCsv(in));
    }
}
