package org.chapkit.artifact.transfer.internal;

import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.chapkit.db.ChapkitTables;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streamed reads of the stored JSON text of artifacts' {@code data} ({@code artifacts.data}), for the transfer side:
 * exports, downloads in a format and pages of rows parse a large DataFrame token by token and never hold it whole. The
 * CRUD side ({@code org.chapkit.artifact.ArtifactRepository}) reads data as trees.
 */
public final class StoredData {

    /** Stored data up to this many bytes is read in one short query; larger data is streamed. */
    public static final int WHOLE_READ_BYTES = 4 * 1024 * 1024;

    private final JdbcClient jdbc;
    private final JsonMapper mapper;
    private final DataSource dataSource;
    private final ChapkitTables tables;

    /**
     * @param jdbc the database (qualifying its statements for {@code tables}, see {@link ChapkitTables#jdbc})
     * @param mapper configures the parsers (chapkit's persistence mapper)
     * @param dataSource the same database, for streaming reads that hold a connection until the parser is closed
     * @param tables the schema of the tables, for the streaming reads on {@code dataSource}
     */
    public StoredData(JdbcClient jdbc, JsonMapper mapper, DataSource dataSource, ChapkitTables tables) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.tables = Objects.requireNonNull(tables, "tables");
    }

    /**
     * The first {@code chars} characters of the stored JSON text of an artifact's data (all of it when shorter). One
     * short query: PostgreSQL's {@code substring} detoasts only the slice it needs.
     *
     * @param id the artifact
     * @param chars how many characters at most
     * @return the head of the text, empty when there is no such artifact
     */
    public Optional<String> head(String id, int chars) {
        return jdbc.sql("SELECT SUBSTRING(data, 1, ?) FROM artifacts WHERE id = ?")
                .params(chars, id)
                .query(String.class)
                .optional();
    }

    /**
     * A streaming parser over JSON text, configured like the ones {@link #open} returns.
     *
     * @param text the text
     * @return a parser; the caller closes it
     */
    public JsonParser parser(String text) {
        return mapper.createParser(text);
    }

    /**
     * A streaming parser over the stored JSON text of an artifact's data; the caller closes it. Data up to {@value
     * #WHOLE_READ_BYTES} bytes is read in one short query; larger data is streamed over a connection held until the
     * parser is closed (PostgreSQL: 256 KiB slices through a cursor; H2: its CLOB stream), so the text is never whole
     * in memory.
     *
     * @param id the artifact
     * @return the parser, empty when there is no such artifact
     */
    public Optional<JsonParser> open(String id) {
        Optional<String> small = jdbc.sql(
                        "SELECT CASE WHEN OCTET_LENGTH(data) <= ? THEN data ELSE '' END FROM artifacts WHERE id = ?")
                .params(WHOLE_READ_BYTES, id)
                .query(String.class)
                .optional();
        if (small.isEmpty()) {
            return Optional.empty();
        }
        if (!small.get().isEmpty()) {
            return Optional.of(mapper.createParser(small.get()));
        }
        try {
            return Optional.ofNullable(StoredDataStream.open(dataSource, tables, mapper, id));
        } catch (SQLException ex) {
            throw new DataAccessResourceFailureException(
                    "Streaming the data of artifact " + id + " failed: " + ex.getMessage(), ex);
        }
    }
}
