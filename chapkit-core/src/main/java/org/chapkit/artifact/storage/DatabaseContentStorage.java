package org.chapkit.artifact.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The default backend: content in 1 MiB chunks in {@code artifact_content_chunks}, written in the caller's
 * transaction (so a failed upload leaves nothing) and read back one chunk per short query (so no connection is held
 * while a slow client downloads). Chunks go with their {@code artifact_contents} row through a foreign key, so there
 * are never orphans to sweep.
 */
public class DatabaseContentStorage implements ArtifactContentStorage {

    /** The backend's {@link #type()}. */
    public static final String TYPE = "database";

    /** Bytes per stored chunk. */
    public static final int CHUNK_SIZE = 1024 * 1024;

    private final JdbcClient jdbc;

    /** @param jdbc the chapkit schema's client */
    public DatabaseContentStorage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Must run in the transaction that inserted the content's row. */
    @Override
    public ContentReference write(String contentId, InputStream in) {
        DigestingInputStream digesting = new DigestingInputStream(in);
        byte[] buffer = new byte[CHUNK_SIZE];
        int seq = 0;
        try {
            while (true) {
                int n = digesting.readNBytes(buffer, 0, CHUNK_SIZE);
                if (n == 0) {
                    break;
                }
                jdbc.sql("INSERT INTO artifact_content_chunks (content_id, seq, bytes) VALUES (?, ?, ?)")
                        .params(contentId, seq++, n == CHUNK_SIZE ? buffer : Arrays.copyOf(buffer, n))
                        .update();
                if (n < CHUNK_SIZE) {
                    break;
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("Reading the artifact content failed: " + ex.getMessage(), ex);
        }
        return digesting.reference(contentId);
    }

    /**
     * A stream that fetches one chunk at a time, each in its own short query. If the content is replaced or deleted
     * meanwhile, reading fails with an {@link IOException}.
     */
    @Override
    public InputStream open(ContentReference content) {
        return new ChunkStream(content.contentId(), chunks(content.size()));
    }

    /** Chunks are deleted with their row; nothing to do. */
    @Override
    public void delete(String contentId) {}

    /** Chunks cannot outlive their row. */
    @Override
    public void forEachWrittenBefore(Instant cutoff, Consumer<String> action) {}

    /** How many chunks content of {@code size} bytes takes. */
    public static int chunks(long size) {
        return Math.toIntExact((size + CHUNK_SIZE - 1) / CHUNK_SIZE);
    }

    private final class ChunkStream extends InputStream {

        private final String contentId;
        private final int chunks;
        private byte[] chunk = new byte[0];
        private int position;
        private int next;

        ChunkStream(String contentId, int chunks) {
            this.contentId = contentId;
            this.chunks = chunks;
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            return chunk[position++] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, target, offset, n);
            position += n;
            return n;
        }

        private boolean fill() throws IOException {
            while (position >= chunk.length) {
                if (next >= chunks) {
                    return false;
                }
                chunk = jdbc.sql("SELECT bytes FROM artifact_content_chunks WHERE content_id = ? AND seq = ?")
                        .params(contentId, next)
                        .query((rs, row) -> rs.getBytes(1))
                        .optional()
                        .orElseThrow(() -> new IOException(
                                "Artifact content " + contentId + " was replaced or deleted while being read"));
                position = 0;
                next++;
            }
            return true;
        }
    }
}
