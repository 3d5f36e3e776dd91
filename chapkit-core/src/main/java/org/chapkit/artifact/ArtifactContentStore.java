package org.chapkit.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import org.chapkit.id.Ulids;
import org.chapkit.problem.ChapkitException;
import org.chapkit.problem.ProblemType;
import org.chapkit.time.UtcTimestamps;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stores binary artifact content in 1 MiB chunks ({@code artifact_content_chunks}), so content of any size is
 * written from an {@link InputStream} and read back as one, holding at most one chunk in memory at a time, on H2 and
 * PostgreSQL alike. Callers run {@link #write} inside a transaction: a failed upload leaves nothing behind and the
 * previous content stays in place.
 */
public class ArtifactContentStore {

    /** Bytes per stored chunk. */
    public static final int CHUNK_SIZE = 1024 * 1024;

    /** Bytes kept in {@link ContentInfo#head()}. */
    public static final int HEAD_SIZE = 200;

    private final JdbcClient jdbc;

    public ArtifactContentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes {@code in} as the new content of an artifact and drops its previous content. Must run in a transaction.
     *
     * @param maxBytes largest accepted content; more is answered with 413 and rolls back
     */
    public ContentInfo write(String artifactId, InputStream in, long maxBytes, Instant now) {
        String contentId = Ulids.newUlid();
        jdbc.sql("INSERT INTO artifact_contents (id, artifact_id, size, chunks, head, created_at) "
                        + "VALUES (?, ?, 0, 0, ?, ?)")
                .params(contentId, artifactId, new byte[0], UtcTimestamps.column(now))
                .update();
        byte[] buffer = new byte[CHUNK_SIZE];
        byte[] head = new byte[0];
        long size = 0;
        int chunks = 0;
        try {
            while (true) {
                int n = in.readNBytes(buffer, 0, CHUNK_SIZE);
                if (n == 0) {
                    break;
                }
                size += n;
                if (size > maxBytes) {
                    throw new ChapkitException(
                            ProblemType.PAYLOAD_TOO_LARGE,
                            "Artifact content exceeds the limit of " + maxBytes + " bytes");
                }
                if (chunks == 0) {
                    head = Arrays.copyOf(buffer, Math.min(n, HEAD_SIZE));
                }
                byte[] chunk = n == CHUNK_SIZE ? buffer : Arrays.copyOf(buffer, n);
                jdbc.sql("INSERT INTO artifact_content_chunks (content_id, seq, bytes) VALUES (?, ?, ?)")
                        .params(contentId, chunks, chunk)
                        .update();
                chunks++;
                if (n < CHUNK_SIZE) {
                    break;
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("Reading the artifact content failed: " + ex.getMessage(), ex);
        }
        jdbc.sql("UPDATE artifact_contents SET size = ?, chunks = ?, head = ? WHERE id = ?")
                .params(size, chunks, head, contentId)
                .update();
        jdbc.sql("DELETE FROM artifact_contents WHERE artifact_id = ? AND id <> ?")
                .params(artifactId, contentId)
                .update();
        return new ContentInfo(contentId, size, chunks, head);
    }

    /** Removes an artifact's content; false when it had none. */
    public boolean delete(String artifactId) {
        return jdbc.sql("DELETE FROM artifact_contents WHERE artifact_id = ?")
                        .param(artifactId)
                        .update()
                > 0;
    }

    /**
     * The content as a stream that fetches one chunk at a time, each in its own short query, so no connection or
     * transaction is held while a slow client downloads. If the content is replaced or deleted meanwhile, reading
     * fails with an {@link IOException}.
     */
    public InputStream open(ContentInfo content) {
        return new ChunkStream(content);
    }

    private final class ChunkStream extends InputStream {

        private final ContentInfo content;
        private byte[] chunk = new byte[0];
        private int position;
        private int next;

        ChunkStream(ContentInfo content) {
            this.content = content;
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
                if (next >= content.chunks()) {
                    return false;
                }
                chunk = jdbc.sql("SELECT bytes FROM artifact_content_chunks WHERE content_id = ? AND seq = ?")
                        .params(content.id(), next)
                        .query((rs, row) -> rs.getBytes(1))
                        .optional()
                        .orElseThrow(() -> new IOException(
                                "Artifact content " + content.id() + " was replaced or deleted while being read"));
                position = 0;
                next++;
            }
            return true;
        }
    }
}
