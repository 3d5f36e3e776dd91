package org.chapkit.ml.format;

import java.util.List;
import org.chapkit.artifact.transfer.TabularFormat;
import tools.jackson.databind.json.JsonMapper;

/** The DataFrame file formats chapkit-ml provides for artifact download, export and import. */
public final class DataFrameFormats {

    private DataFrameFormats() {}

    /**
     * csv, json, jsonl and parquet (the last reporting itself unavailable without the optional Parquet jars).
     *
     * @param mapper reads and writes JSON
     * @return the formats
     */
    public static List<TabularFormat> all(JsonMapper mapper) {
        return List.of(
                new CsvFormat(mapper),
                new JsonFormat(mapper, false),
                new JsonFormat(mapper, true),
                new ParquetFormat(mapper));
    }

    /**
     * CSV in chapkit's conventions.
     *
     * @param mapper writes the read frame as JSON
     * @return the format
     */
    public static TabularFormat csv(JsonMapper mapper) {
        return new CsvFormat(mapper);
    }

    /**
     * An array of records, as chapkit's default DataFrame download.
     *
     * @param mapper reads and writes JSON
     * @return the format
     */
    public static TabularFormat json(JsonMapper mapper) {
        return new JsonFormat(mapper, false);
    }

    /**
     * JSON Lines: one record per line.
     *
     * @param mapper reads and writes JSON
     * @return the format
     */
    public static TabularFormat jsonLines(JsonMapper mapper) {
        return new JsonFormat(mapper, true);
    }

    /**
     * Apache Parquet (needs the optional Parquet and Hadoop client jars).
     *
     * @param mapper writes the read frame as JSON
     * @return the format
     */
    public static TabularFormat parquet(JsonMapper mapper) {
        return new ParquetFormat(mapper);
    }

    /**
     * Whether Parquet can be read and written here (parquet-hadoop and the Hadoop client jars are present).
     *
     * @return true when available
     */
    public static boolean parquetAvailable() {
        return ParquetSupport.available();
    }
}
