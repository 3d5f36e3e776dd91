package org.chapkit.artifact;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chapkit.artifact.storage.ArtifactContentStorage;
import org.chapkit.artifact.storage.ContentReference;
import org.chapkit.artifact.storage.DatabaseContentStorage;
import org.chapkit.id.Ulids;
import org.chapkit.problem.ChapkitException;
import org.chapkit.problem.ProblemType;
import org.chapkit.time.UtcTimestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the {@code artifact_contents} rows (size, head, digest, which storage holds the bytes) and moves the bytes
 * through an {@link ArtifactContentStorage}: the database by default, or the configured backend. Content of any size
 * is streamed in and out with bounded memory.
 *
 * <p>Ordering makes a crash safe: the bytes are written before their row commits (a row never names missing bytes),
 * and deleted only after the row's delete commits (or the write's transaction rolled back). Bytes left without a row
 * by a crash in between are removed by {@link #sweepOrphans}. Reads use the storage each row names, so content
 * written before a switch of backend stays readable.
 */
public class ArtifactContentStore {

    private static final Logger log = LoggerFactory.getLogger(ArtifactContentStore.class);

    /** Bytes per stored chunk of database storage. */
    public static final int CHUNK_SIZE = DatabaseContentStorage.CHUNK_SIZE;

    /** Bytes kept in {@link ContentInfo#head()}. */
    public static final int HEAD_SIZE = 200;

    private final JdbcClient jdbc;
    private final ArtifactContentStorage writeTo;
    private final Map<String, ArtifactContentStorage> storages = new LinkedHashMap<>();

    /** Content in the database. */
    public ArtifactContentStore(JdbcClient jdbc) {
        this(jdbc, new DatabaseContentStorage(jdbc), List.of());
    }

    /**
     * @param jdbc the chapkit schema's client
     * @param writeTo the backend new content is written to
     * @param readable further backends that existing rows may name (the database is always readable)
     */
    public ArtifactContentStore(
            JdbcClient jdbc, ArtifactContentStorage writeTo, Collection<ArtifactContentStorage> readable) {
        this.jdbc = jdbc;
        this.writeTo = writeTo;
        storages.put(DatabaseContentStorage.TYPE, new DatabaseContentStorage(jdbc));
        readable.forEach(storage -> storages.put(storage.type(), storage));
        storages.put(writeTo.type(), writeTo);
    }

    /** The backend new content is written to. */
    public ArtifactContentStorage storage() {
        return writeTo;
    }

    /**
     * Writes {@code in} as the new content of an artifact and drops its previous content. Must run in a transaction:
     * the previous content's bytes are deleted after it commits, the new bytes if it rolls back.
     *
     * @param maxBytes largest accepted content; more is answered with 413 and rolls back
     */
    public ContentInfo write(String artifactId, InputStream in, long maxBytes, Instant now) {
        String contentId = Ulids.newUlid();
        String type = writeTo.type();
        jdbc.sql("INSERT INTO artifact_contents (id, artifact_id, size, chunks, head, created_at, storage) "
                        + "VALUES (?, ?, 0, 0, ?, ?, ?)")
                .params(contentId, artifactId, new byte[0], UtcTimestamps.column(now), type)
                .update();
        LimitedStream limited = new LimitedStream(in, maxBytes);
        ContentReference written;
        try {
            written = writeTo.write(contentId, limited);
        } catch (RuntimeException ex) {
            deleteQuietly(writeTo, List.of(contentId));
            throw ex;
        }
        if (!DatabaseContentStorage.TYPE.equals(type)) {
            afterCompletion(false, writeTo, List.of(contentId));
        }
        int chunks = DatabaseContentStorage.TYPE.equals(type) ? DatabaseContentStorage.chunks(written.size()) : 0;
        byte[] head = limited.head();
        jdbc.sql("UPDATE artifact_contents SET size = ?, chunks = ?, head = ?, sha256 = ? WHERE id = ?")
                .params(written.size(), chunks, head, written.sha256(), contentId)
                .update();
        List<ContentRow> previous = jdbc.sql(
                        "SELECT id, storage FROM artifact_contents WHERE artifact_id = ? AND id <> ?")
                .params(artifactId, contentId)
                .query((rs, row) -> new ContentRow(rs.getString(1), rs.getString(2)))
                .list();
        jdbc.sql("DELETE FROM artifact_contents WHERE artifact_id = ? AND id <> ?")
                .params(artifactId, contentId)
                .update();
        releaseAfterCommit(previous);
        return new ContentInfo(contentId, written.size(), chunks, head, type, written.sha256());
    }

    /** Removes an artifact's content; false when it had none. Must run in a transaction. */
    public boolean delete(String artifactId) {
        releaseContentOf(List.of(artifactId));
        return jdbc.sql("DELETE FROM artifact_contents WHERE artifact_id = ?")
                        .param(artifactId)
                        .update()
                > 0;
    }

    /**
     * Arranges for the bytes of {@code artifactIds}' content to be deleted once the transaction that deletes their
     * rows commits (the rows go with the artifacts through a foreign key). Call before deleting the artifacts.
     */
    public void releaseContentOf(Collection<String> artifactIds) {
        List<String> ids = List.copyOf(artifactIds);
        List<ContentRow> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 500) {
            rows.addAll(jdbc.sql(
                            "SELECT id, storage FROM artifact_contents WHERE storage <> :database AND artifact_id IN (:ids)")
                    .param("database", DatabaseContentStorage.TYPE)
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + 500)))
                    .query((rs, row) -> new ContentRow(rs.getString(1), rs.getString(2)))
                    .list());
        }
        releaseAfterCommit(rows);
    }

    /**
     * The content as a stream from the storage its row names. For database storage, one chunk is fetched at a time,
     * each in its own short query, so no connection or transaction is held while a slow client downloads; if the
     * content is replaced or deleted meanwhile, reading fails with an {@link IOException}.
     */
    public InputStream open(ContentInfo content) {
        return storageOf(content.storage()).open(content.reference());
    }

    /**
     * Deletes the bytes, in every non-database backend, that were written before {@code writtenBefore} and that no
     * {@code artifact_contents} row names: leftovers of a crash between writing bytes and committing their row, or
     * between committing a delete and removing the bytes. Safe on every instance at once, and for uploads in flight
     * as long as none takes longer than the grace period {@code writtenBefore} leaves.
     *
     * @return how many were deleted
     */
    public int sweepOrphans(Instant writtenBefore) {
        int deleted = 0;
        for (ArtifactContentStorage storage : storages.values()) {
            List<String> candidates = new ArrayList<>();
            storage.forEachWrittenBefore(writtenBefore, candidates::add);
            for (int i = 0; i < candidates.size(); i += 500) {
                List<String> batch = candidates.subList(i, Math.min(candidates.size(), i + 500));
                Set<String> known = new HashSet<>(jdbc.sql("SELECT id FROM artifact_contents WHERE id IN (:ids)")
                        .param("ids", batch)
                        .query(String.class)
                        .list());
                for (String id : batch) {
                    if (!known.contains(id)) {
                        storage.delete(id);
                        deleted++;
                    }
                }
            }
        }
        if (deleted > 0) {
            log.info("Deleted {} artifact content object(s) without a row", deleted);
        }
        return deleted;
    }

    private ArtifactContentStorage storageOf(String type) {
        ArtifactContentStorage storage = storages.get(type);
        if (storage == null) {
            throw new ChapkitException(
                    ProblemType.SERVICE_UNAVAILABLE,
                    "Artifact content is stored in '" + type + "' storage, which this instance does not have; "
                            + "configure it (chapkit.artifacts.storage.type) to read it");
        }
        return storage;
    }

    private void releaseAfterCommit(List<ContentRow> rows) {
        Map<String, List<String>> byStorage = new LinkedHashMap<>();
        rows.stream()
                .filter(row -> !DatabaseContentStorage.TYPE.equals(row.storage()))
                .forEach(row -> byStorage
                        .computeIfAbsent(row.storage(), k -> new ArrayList<>())
                        .add(row.id()));
        byStorage.forEach((type, ids) -> {
            ArtifactContentStorage storage = storages.get(type);
            if (storage != null) {
                afterCompletion(true, storage, ids);
            }
        });
    }

    /** Deletes {@code ids} from {@code storage} when the transaction commits ({@code onCommit}) or rolls back. */
    private static void afterCompletion(boolean onCommit, ArtifactContentStorage storage, List<String> ids) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            if (onCommit) {
                deleteQuietly(storage, ids);
            }
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if ((status == STATUS_COMMITTED) == onCommit) {
                    deleteQuietly(storage, ids);
                }
            }
        });
    }

    private static void deleteQuietly(ArtifactContentStorage storage, List<String> ids) {
        for (String id : ids) {
            try {
                storage.delete(id);
            } catch (RuntimeException ex) {
                // the orphan sweep deletes it later
                log.warn(
                        "Could not delete artifact content {} from {} storage: {}",
                        id,
                        storage.type(),
                        ex.getMessage());
            }
        }
    }

    private record ContentRow(String id, String storage) {}

    /** Enforces the size limit and keeps the first {@link #HEAD_SIZE} bytes while the storage reads. */
    private static final class LimitedStream extends FilterInputStream {

        private final long maxBytes;
        private final byte[] head = new byte[HEAD_SIZE];
        private long size;

        LimitedStream(InputStream in, long maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(buffer, offset, n);
            }
            return n;
        }

        @Override
        public long skip(long n) {
            throw new UnsupportedOperationException("content is read whole");
        }

        private void count(byte[] buffer, int offset, int n) {
            if (size < HEAD_SIZE) {
                System.arraycopy(buffer, offset, head, (int) size, (int) Math.min(n, HEAD_SIZE - size));
            }
            size += n;
            if (size > maxBytes) {
                throw new ChapkitException(
                        ProblemType.PAYLOAD_TOO_LARGE, "Artifact content exceeds the limit of " + maxBytes + " bytes");
            }
        }

        byte[] head() {
            return Arrays.copyOf(head, (int) Math.min(size, HEAD_SIZE));
        }
    }
}
