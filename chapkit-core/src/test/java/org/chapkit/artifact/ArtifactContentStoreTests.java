package org.chapkit.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.chapkit.artifact.storage.ArtifactContentStorage;
import org.chapkit.artifact.storage.ArtifactStorageException;
import org.chapkit.artifact.storage.ContentReference;
import org.chapkit.artifact.storage.DatabaseContentStorage;
import org.chapkit.artifact.storage.FilesystemContentStorage;
import org.chapkit.db.StoreContract;
import org.chapkit.db.StoreDatabase;
import org.chapkit.id.Ulids;
import org.chapkit.problem.ChapkitException;
import org.chapkit.problem.ProblemType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link ArtifactContentStore} on H2 and PostgreSQL: content of several chunks reads back byte for byte, a new upload
 * replaces the old one, and an upload over the limit leaves the previous content in place; with filesystem storage too,
 * where bytes without a row are swept and an upload cut off midway leaves nothing.
 */
class ArtifactContentStoreTests {

    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(StoreDatabase.h2());
        }
    }

    @Nested
    class OnPostgres extends Contract {
        OnPostgres() {
            super(StoreDatabase.postgres());
        }
    }

    @Nested
    class OnH2WithFilesystemStorage extends Contract {
        OnH2WithFilesystemStorage() throws IOException {
            super(StoreDatabase.h2(), new FilesystemContentStorage(Files.createTempDirectory("chapkit-content")));
        }

        @Test
        void bytesWithoutARowAreSweptAndBytesWithOneStay() throws IOException {
            String id = artifact();
            ContentInfo kept = write(id, bytes(1000), Long.MAX_VALUE);
            // what a crash between writing the bytes and committing their row leaves behind
            String orphan = Ulids.newUlid();
            storage.write(orphan, new ByteArrayInputStream(bytes(100)));

            contents.sweepOrphans(Instant.now().minusSeconds(3600));
            try (InputStream young = storage.open(new ContentReference(orphan, 100, null))) {
                assertThat(young.readAllBytes())
                        .as("younger than the grace period: kept")
                        .hasSize(100);
            }
            assertThat(contents.sweepOrphans(Instant.now().plusSeconds(60))).isPositive();

            assertThatThrownBy(() -> storage.open(new ContentReference(orphan, 100, null)))
                    .isInstanceOf(ArtifactStorageException.class);
            try (InputStream in = contents.open(kept)) {
                assertThat(in.readAllBytes()).hasSize(1000);
            }
        }

        @Test
        void anUploadCutOffMidwayLeavesNeitherRowNorBytes() throws IOException {
            String id = artifact();
            InputStream cutOff = new SequenceInputStream(
                    new ByteArrayInputStream(bytes(3 * ArtifactContentStore.CHUNK_SIZE)), new InputStream() {
                        @Override
                        public int read() throws IOException {
                            throw new IOException("connection reset");
                        }
                    });

            List<Path> before = files();

            assertThatThrownBy(() -> transactions.execute(status -> contents.write(id, cutOff, Long.MAX_VALUE, NOW)))
                    .isInstanceOf(ArtifactStorageException.class);

            assertThat(artifacts.findById(id).orElseThrow().hasContent()).isFalse();
            assertThat(files()).isEqualTo(before);
        }

        private List<Path> files() throws IOException {
            try (Stream<Path> files = Files.walk(((FilesystemContentStorage) storage).directory())) {
                return files.filter(Files::isRegularFile).sorted().toList();
            }
        }

        @Test
        void deletingAnArtifactDeletesItsBytesAfterTheCommit() {
            String id = artifact();
            ContentInfo info = write(id, bytes(10), Long.MAX_VALUE);

            transactions.executeWithoutResult(status -> {
                contents.releaseContentOf(List.of(id));
                artifacts.delete(List.of(id));
            });

            assertThatThrownBy(() -> storage.open(info.reference())).isInstanceOf(ArtifactStorageException.class);
        }
    }

    abstract static class Contract extends StoreContract {

        static final Instant NOW = Instant.parse("2026-03-01T10:00:00.123Z");

        final ArtifactRepository artifacts;
        final ArtifactContentStore contents;
        final TransactionTemplate transactions;
        final ArtifactContentStorage storage;

        Contract(StoreDatabase database) {
            this(database, null);
        }

        Contract(StoreDatabase database, ArtifactContentStorage storage) {
            super(database);
            this.artifacts = new ArtifactRepository(database.jdbc(), StoreDatabase.MAPPER);
            this.storage = storage == null ? new DatabaseContentStorage(database.jdbc()) : storage;
            this.contents = new ArtifactContentStore(database.jdbc(), this.storage, List.of());
            this.transactions = database.transactions();
        }

        boolean inDatabase() {
            return storage instanceof DatabaseContentStorage;
        }

        @Test
        void theDigestAndStorageAreRecorded() throws Exception {
            String id = artifact();
            byte[] bytes = bytes(5000);

            write(id, bytes, Long.MAX_VALUE);

            ContentInfo stored = artifacts.findById(id).orElseThrow().content();
            assertThat(stored.storage()).isEqualTo(storage.type());
            assertThat(stored.sha256())
                    .isEqualTo(HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        }

        @Test
        void contentOfSeveralChunksReadsBackByteForByte() throws IOException {
            String id = artifact();
            byte[] bytes = bytes(2 * ArtifactContentStore.CHUNK_SIZE + 12_345);

            ContentInfo info = write(id, bytes, Long.MAX_VALUE);

            assertThat(info.size()).isEqualTo(bytes.length);
            assertThat(info.chunks()).isEqualTo(inDatabase() ? 3 : 0);
            assertThat(info.head()).isEqualTo(Arrays.copyOf(bytes, ArtifactContentStore.HEAD_SIZE));
            assertThat(artifacts.findById(id).orElseThrow().content()).satisfies(stored -> {
                assertThat(stored.id()).isEqualTo(info.id());
                assertThat(stored.size()).isEqualTo(bytes.length);
                assertThat(stored.head()).isEqualTo(info.head());
            });
            try (InputStream in = contents.open(info)) {
                assertThat(in.readAllBytes()).isEqualTo(bytes);
            }
        }

        @Test
        void contentOfExactlyOneChunkIsOneChunk() throws IOException {
            String id = artifact();
            byte[] bytes = bytes(ArtifactContentStore.CHUNK_SIZE);

            ContentInfo info = write(id, bytes, Long.MAX_VALUE);

            assertThat(info.chunks()).isEqualTo(inDatabase() ? 1 : 0);
            try (InputStream in = contents.open(info)) {
                assertThat(in.readAllBytes()).isEqualTo(bytes);
            }
        }

        @Test
        void emptyContentHasNoChunks() throws IOException {
            String id = artifact();

            ContentInfo info = write(id, new byte[0], Long.MAX_VALUE);

            assertThat(info.size()).isZero();
            assertThat(info.chunks()).isZero();
            try (InputStream in = contents.open(info)) {
                assertThat(in.read()).isEqualTo(-1);
            }
        }

        @Test
        void aNewUploadReplacesTheOldContentAndItsReadersFail() throws IOException {
            String id = artifact();
            ContentInfo first = write(id, bytes(10), Long.MAX_VALUE);

            ContentInfo second = write(id, new byte[] {7, 8, 9}, Long.MAX_VALUE);

            assertThat(artifacts.findById(id).orElseThrow().content().id()).isEqualTo(second.id());
            try (InputStream in = contents.open(second)) {
                assertThat(in.readAllBytes()).containsExactly(7, 8, 9);
            }
            assertThatThrownBy(() -> {
                        try (InputStream stale = contents.open(first)) {
                            stale.read();
                        }
                    })
                    .isInstanceOfAny(IOException.class, ArtifactStorageException.class)
                    .hasMessageContaining(first.id());
        }

        @Test
        void anUploadOverTheLimitRollsBackAndKeepsThePreviousContent() throws IOException {
            String id = artifact();
            ContentInfo previous = write(id, new byte[] {1, 2, 3}, 10);

            assertThatThrownBy(() ->
                            write(id, bytes(ArtifactContentStore.CHUNK_SIZE + 1), ArtifactContentStore.CHUNK_SIZE))
                    .isInstanceOfSatisfying(
                            ChapkitException.class,
                            ex -> assertThat(ex.problemType()).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE));

            assertThat(artifacts.findById(id).orElseThrow().content().id()).isEqualTo(previous.id());
            try (InputStream in = contents.open(previous)) {
                assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
            }
        }

        @Test
        void deletingTheContentLeavesTheArtifact() {
            String id = artifact();
            write(id, bytes(10), Long.MAX_VALUE);

            assertThat(contents.delete(id)).isTrue();
            assertThat(contents.delete(id)).isFalse();
            assertThat(artifacts.findById(id).orElseThrow().hasContent()).isFalse();
        }

        ContentInfo write(String artifactId, byte[] bytes, long maxBytes) {
            return transactions.execute(
                    status -> contents.write(artifactId, new ByteArrayInputStream(bytes), maxBytes, NOW));
        }

        String artifact() {
            String id = Ulids.newUlid();
            artifacts.insert(new StoredArtifact(
                    id, null, 0, List.of(), StoreDatabase.MAPPER.createObjectNode(), NOW, NOW, 1, null));
            return id;
        }

        static byte[] bytes(int size) {
            byte[] bytes = new byte[size];
            new Random(size).nextBytes(bytes);
            return bytes;
        }
    }
}
