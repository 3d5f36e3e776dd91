package org.chapkit.job;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;
import org.chapkit.time.UtcTimestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inputs of jobs, stored once beside the job record (table {@code job_inputs}) so that a job's payload carries
 * ids, not data sets. An input is one value written as gzip-compressed JSON straight from the value (no JSON text in
 * memory), stored in the transaction that submits the job, and read back by the worker as a stream into the value's
 * type. Because it lives in the database under the job's id, a job that is run again after a restart finds it; the
 * handler deletes it when the job ends, and deleting the job record deletes it too.
 */
public final class JobInputs {

    private final JdbcClient jdbc;
    private final JsonMapper mapper;
    private final Clock clock;

    /**
     * Creates the store.
     *
     * @param dataSource the database holding {@code jobs} and {@code job_inputs}
     * @param mapper writes and reads the values
     * @param clock the clock of {@code created_at}
     */
    public JobInputs(DataSource dataSource, JsonMapper mapper, Clock clock) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Compresses a value for {@link #store}; call it before the submitting transaction, so the transaction stays short.
     *
     * @param value any value the mapper writes and can read back into its type
     * @return the compressed JSON
     */
    public Encoded encode(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        try (OutputStream out = new FastGzip(bytes)) {
            mapper.writeValue(out, value);
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot compress a job input", ex);
        }
        return new Encoded(bytes.toByteArray());
    }

    /**
     * Stores the input of {@code jobId}, joining the caller's transaction (the one that submitted the job).
     *
     * @param jobId the job, already inserted
     * @param input the compressed value
     */
    public void store(String jobId, Encoded input) {
        jdbc.sql("INSERT INTO job_inputs (job_id, content, size, created_at) VALUES (:id, :content, :size, :created)")
                .param("id", jobId)
                .param("content", input.content())
                .param("size", (long) input.content().length)
                .param("created", UtcTimestamps.column(clock.instant()))
                .update();
    }

    /**
     * Reads the input of {@code jobId} into {@code type}, decompressing as it parses.
     *
     * @param jobId the job
     * @param type the value's type
     * @param <T> the value's type
     * @return the value, or empty when the job has no stored input
     */
    public <T> Optional<T> read(String jobId, Class<T> type) {
        return jdbc.sql("SELECT content FROM job_inputs WHERE job_id = :id")
                .param("id", jobId)
                .query((rs, row) -> {
                    try (InputStream in = new GZIPInputStream(rs.getBinaryStream("content"), 8192)) {
                        return mapper.readValue(in, type);
                    } catch (IOException | JacksonException ex) {
                        throw new IllegalStateException("The stored input of job " + jobId + " cannot be read", ex);
                    }
                })
                .optional();
    }

    /**
     * Deletes the input of {@code jobId}, joining the caller's transaction if any.
     *
     * @param jobId the job
     * @return whether there was one
     */
    public boolean delete(String jobId) {
        return jdbc.sql("DELETE FROM job_inputs WHERE job_id = :id")
                        .param("id", jobId)
                        .update()
                > 0;
    }

    /**
     * A compressed input, ready to store.
     *
     * @param content gzip-compressed JSON
     */
    public record Encoded(byte[] content) {

        /** Checks the content. */
        public Encoded {
            Objects.requireNonNull(content, "content");
        }
    }

    /** gzip at the fastest level: a job input is written once and read once, so time matters more than size. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 8192);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
