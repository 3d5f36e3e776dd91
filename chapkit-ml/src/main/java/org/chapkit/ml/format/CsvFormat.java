package org.chapkit.ml.format;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.chapkit.artifact.TabularFormat;
import org.chapkit.artifact.TabularSource;
import org.chapkit.ml.data.DataFrameCsv;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code format=csv}: chapkit's CSV (Python's {@code csv} module conventions), written row by row. */
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
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        DataFrameCsv.writeRecord(FrameRows.header(source), writer);
        FrameRows.forEach(source, cells -> DataFrameCsv.writeRecord(Arrays.asList(cells), writer));
        writer.flush();
    }

    @Override
    public JsonNode read(InputStream in) {
        return mapper.valueToTree(DataFrameReaders.readCsv(in));
    }
}
