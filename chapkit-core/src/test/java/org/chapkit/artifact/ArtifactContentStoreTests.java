package org.chapkit.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
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
 * replaces the old one, and an upload over the limit leaves the previous content in place.
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

    abstract static class Contract extends StoreContract {

        private static final Instant NOW = Instant.parse("2026-03-01T10:00:00.123Z");

        final ArtifactRepository artifacts;
        final ArtifactContentStore contents;
        final TransactionTemplate transactions;

        Contract(StoreDatabase database) {
            super(database);
            this.artifacts = new ArtifactRepository(database.jdbc(), StoreDatabase.MAPPER, database.dataSource());
            this.contents = new ArtifactContentStore(database.jdbc());
            this.transactions = database.transactions();
        }

        @Test
        void contentOfSeveralChunksReadsBackByteForByte() throws IOException {
            String id = artifact();
            byte[] bytes = bytes(2 * ArtifactContentStore.CHUNK_SIZE + 12_345);

            ContentInfo info = write(id, bytes, Long.MAX_VALUE);

            assertThat(info.size()).isEqualTo(bytes.length);
            assertThat(info.chunks()).isEqualTo(3);
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

            assertThat(info.chunks()).isEqualTo(1);
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
            try (InputStream stale = contents.open(first)) {
                assertThatThrownBy(stale::read).isInstanceOf(IOException.class).hasMessageContaining(first.id());
            }
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

        private ContentInfo write(String artifactId, byte[] bytes, long maxBytes) {
            return transactions.execute(
                    status -> contents.write(artifactId, new ByteArrayInputStream(bytes), maxBytes, NOW));
        }

        private String artifact() {
            String id = Ulids.newUlid();
            artifacts.insert(new StoredArtifact(
                    id, null, 0, List.of(), StoreDatabase.MAPPER.createObjectNode(), NOW, NOW, 1, null));
            return id;
        }

        private static byte[] bytes(int size) {
            byte[] bytes = new byte[size];
            new Random(size).nextBytes(bytes);
            return bytes;
        }
    }
}
