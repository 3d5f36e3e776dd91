package org.chapkit.ml.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import org.chapkit.artifact.transfer.TabularFormat;
import org.chapkit.artifact.transfer.TabularSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code format=parquet}: Apache Parquet through parquet-java, streamed to the response in row groups. Needs the
 * optional parquet-hadoop and Hadoop client jars; without them it reports itself unavailable (406 with how to enable
 * it).
 */
final class ParquetFormat implements TabularFormat {

    private final JsonMapper mapper;

    ParquetFormat(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String name() {
        return "parquet";
    }

    @Override
    public String mediaType() {
        return "application/vnd.apache.parquet";
    }

    @Override
    public String extension() {
        return "parquet";
    }

    @Override
    public Optional<String> unavailableReason() {
        return ParquetSupport.unavailableReason();
    }

    @Override
    public void write(TabularSource source, OutputStream out) throws IOException {
        ParquetSupport.require();
        ParquetFrames.write(source, out);
    }

    @Override
    public JsonNode read(InputStream in) {
        return mapper.valueToTree(DataFrameReaders.readParquet(in));
    }
}
