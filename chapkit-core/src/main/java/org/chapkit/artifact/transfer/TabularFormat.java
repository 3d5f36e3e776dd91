package org.chapkit.artifact.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A file format for DataFrame content ({@code {"columns": […], "data": [[…], …]}}), plugged into
 * {@code $download?format=}, {@code $export} and {@code $import}. Core defines the interface and knows no format;
 * {@code chapkit-ml} provides csv, json, jsonl and parquet, and the starter registers them as beans.
 */
public interface TabularFormat {

    /**
     * The name used in the {@code format} query parameter.
     *
     * @return e.g. {@code csv}
     */
    String name();

    /**
     * The response {@code Content-Type}.
     *
     * @return e.g. {@code text/csv}
     */
    String mediaType();

    /**
     * The file name extension, without a dot.
     *
     * @return e.g. {@code csv}
     */
    String extension();

    /**
     * Why the format cannot be used in this deployment (for instance a missing optional library), empty when it can.
     * The endpoints answer 501 problem+json with this text.
     *
     * @return the reason, or empty
     */
    default Optional<String> unavailableReason() {
        return Optional.empty();
    }

    /**
     * Writes the frames of {@code source} as one table, row by row as they are read.
     *
     * @param source the frames
     * @param out where to write; not closed
     * @throws IOException when writing fails
     */
    void write(TabularSource source, OutputStream out) throws IOException;

    /**
     * Reads a whole body in this format as DataFrame content.
     *
     * @param in the body; not closed
     * @return {@code {"columns": […], "data": [[…], …]}}
     * @throws org.chapkit.problem.BadRequestException when the body is malformed
     * @throws IOException when reading fails
     */
    JsonNode read(InputStream in) throws IOException;
}
