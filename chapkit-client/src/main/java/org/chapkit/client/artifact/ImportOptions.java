package org.chapkit.client.artifact;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parameters of {@code POST /api/v1/artifacts/$import}: how the uploaded file is encoded and where the new
 * DataFrame artifact goes.
 *
 * @param format the file's format (sent as {@code format=} and as the request's {@code Content-Type})
 * @param compression how the file is compressed ({@link Compression#NONE} for a plain file)
 * @param parentId the parent artifact, or {@code null} for a root
 * @param tags the new artifact's tags (may be empty)
 */
public record ImportOptions(DataFormat format, Compression compression, String parentId, List<String> tags) {

    /** Requires a format and a compression; copies the tags. */
    public ImportOptions {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(compression, "compression");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /**
     * An uncompressed file in {@code format}, imported as a root artifact without tags.
     *
     * @param format the format
     * @return the options
     */
    public static ImportOptions of(DataFormat format) {
        return new ImportOptions(format, Compression.NONE, null, List.of());
    }

    /**
     * Options read from a file name: {@code frame.csv}, {@code frame.parquet}, {@code frame.jsonl.gz},
     * {@code frame.json.bz2} …
     *
     * @param file the file
     * @return the options
     * @throws IllegalArgumentException when the name has no known format extension
     */
    public static ImportOptions forFile(Path file) {
        String name = String.valueOf(file.getFileName());
        DataFormat format = DataFormat.ofFileName(name)
                .orElseThrow(() -> new IllegalArgumentException("Cannot tell the format of " + file
                        + " from its name; expected .csv, .json, .jsonl or .parquet, optionally with .gz or .bz2"));
        return new ImportOptions(format, Compression.ofFileName(name), null, List.of());
    }

    /**
     * A copy for a compressed file.
     *
     * @param compression the compression
     * @return the new options
     */
    public ImportOptions compressed(Compression compression) {
        return new ImportOptions(format, compression, parentId, tags);
    }

    /**
     * A copy that creates the artifact as a child of {@code parentId}.
     *
     * @param parentId the parent artifact
     * @return the new options
     */
    public ImportOptions withParent(String parentId) {
        return new ImportOptions(format, compression, parentId, tags);
    }

    /**
     * A copy with tags.
     *
     * @param tags the tags
     * @return the new options
     */
    public ImportOptions withTags(String... tags) {
        return new ImportOptions(format, compression, parentId, List.of(tags));
    }

    Map<String, Object> query() {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("format", format.wireValue());
        query.put("compression", compression.wireValue());
        query.put("parent_id", parentId);
        query.put("tags", tags.isEmpty() ? null : tags);
        return query;
    }
}
