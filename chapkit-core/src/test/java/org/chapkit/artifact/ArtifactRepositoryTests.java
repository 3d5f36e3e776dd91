package org.chapkit.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.chapkit.config.StoredConfig;
import org.chapkit.config.internal.ConfigRepository;
import org.chapkit.db.StoreContract;
import org.chapkit.db.StoreDatabase;
import org.chapkit.id.Ulids;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link ArtifactRepository} on H2 and PostgreSQL: rows and their optimistic version, the recursive tree queries,
 * config links and seals. (Streamed reads of the data: {@code StoredDataTests}.)
 */
class ArtifactRepositoryTests {

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

        final ArtifactRepository repository;

        Contract(StoreDatabase database) {
            super(database);
            this.repository = new ArtifactRepository(database.jdbc(), StoreDatabase.MAPPER);
        }

        @Test
        void aRowReadsBackAsWritten() {
            StoredArtifact written = artifact(null, 0, data("{\"model\":{\"weights\":[1.5,2.5]},\"name\":\"m\"}"));
            repository.insert(written);

            StoredArtifact read = repository.findById(written.id()).orElseThrow();
            assertThat(read.parentId()).isNull();
            assertThat(read.level()).isZero();
            assertThat(read.tags()).containsExactly("ml", "test");
            assertThat(read.data()).isEqualTo(written.data());
            assertThat(read.createdAt()).isEqualTo(NOW);
            assertThat(read.version()).isEqualTo(1);
            assertThat(read.hasContent()).isFalse();
            assertThat(repository.findById(Ulids.newUlid())).isEmpty();
        }

        @Test
        void anUpdateWinsOnlyAtTheExpectedVersion() {
            StoredArtifact written = artifact(null, 0, data("{\"a\":1}"));
            repository.insert(written);
            StoredArtifact changed = new StoredArtifact(
                    written.id(), null, 0, List.of(), data("{\"a\":2}"), NOW, NOW.plusSeconds(1), 2, null);

            assertThat(repository.update(changed, 2))
                    .as("stale expected version")
                    .isFalse();
            assertThat(repository.update(changed, 1)).isTrue();
            assertThat(repository.update(changed, 1)).as("the version moved on").isFalse();

            StoredArtifact read = repository.findById(written.id()).orElseThrow();
            assertThat(read.data().get("a").asInt()).isEqualTo(2);
            assertThat(read.version()).isEqualTo(2);
            assertThat(read.updatedAt()).isEqualTo(NOW.plusSeconds(1));
        }

        @Test
        void aSubtreeIsReadRootFirstThenByDepthAndId() {
            StoredArtifact root = insert(null, 0);
            StoredArtifact childB = insert(root.id(), 1);
            StoredArtifact childA = insert(root.id(), 1);
            StoredArtifact grandchild = insert(childB.id(), 2);
            StoredArtifact otherRoot = insert(null, 0);

            List<String> ids = repository.subtree(root.id()).stream()
                    .map(StoredArtifact::id)
                    .toList();
            List<String> children = childA.id().compareTo(childB.id()) < 0
                    ? List.of(childA.id(), childB.id())
                    : List.of(childB.id(), childA.id());

            assertThat(ids).containsExactly(root.id(), children.get(0), children.get(1), grandchild.id());
            assertThat(repository.subtreeIdsByDepth(root.id()))
                    .containsOnlyKeys(0, 1, 2)
                    .containsEntry(0, List.of(root.id()))
                    .containsEntry(2, List.of(grandchild.id()));
            assertThat(repository.subtreeIdsByDepth(root.id()).get(1)).containsExactlyInAnyOrderElementsOf(children);
            assertThat(repository.subtree(otherRoot.id()))
                    .extracting(StoredArtifact::id)
                    .containsExactly(otherRoot.id());
            assertThat(repository.subtree(Ulids.newUlid())).isEmpty();
        }

        @Test
        void theRootIsFoundFromAnyNodeOfItsTree() {
            StoredArtifact root = insert(null, 0);
            StoredArtifact child = insert(root.id(), 1);
            StoredArtifact grandchild = insert(child.id(), 2);

            assertThat(repository.rootOf(grandchild.id())).contains(root.id());
            assertThat(repository.rootOf(root.id())).contains(root.id());
            assertThat(repository.rootOf(Ulids.newUlid())).isEmpty();
            assertThat(repository.childrenOf(root.id())).containsExactly(child.id());
        }

        @Test
        void levelsAreSetInBatches() {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 501; i++) {
                ids.add(insert(null, 0).id());
            }

            repository.setLevel(ids, 3);

            assertThat(repository.findAll()).extracting(StoredArtifact::level).containsOnly(3);
            assertThat(repository.count()).isEqualTo(501);
            assertThat(repository.findPage(500, 10)).hasSize(1);
            assertThat(repository.findPage(0, 2))
                    .extracting(StoredArtifact::id)
                    .containsExactly(ids.stream().sorted().limit(2).toArray(String[]::new));
        }

        @Test
        void deletingATreeTakesItsContentAndLinksAlong() {
            ConfigRepository configs = new ConfigRepository(database.jdbc(), StoreDatabase.MAPPER);
            String configId = Ulids.newUlid();
            configs.insert(new StoredConfig(configId, "cfg", List.of(), data("{}"), NOW, NOW, 1));
            StoredArtifact root = insert(null, 0);
            StoredArtifact child = insert(root.id(), 1);
            repository.link(configId, root.id());
            new ArtifactContentStore(database.jdbc())
                    .write(child.id(), new ByteArrayInputStream(new byte[] {1, 2, 3}), 100, NOW);

            repository.delete(List.of(child.id(), root.id()));

            assertThat(repository.count()).isZero();
            assertThat(repository.linkedTo(configId)).isEmpty();
            assertThat(database.jdbc()
                            .sql("SELECT COUNT(*) FROM artifact_content_chunks")
                            .query(Long.class)
                            .single())
                    .isZero();
        }

        @Test
        void aRootIsLinkedToOneConfigAndUnlinkedAgain() {
            ConfigRepository configs = new ConfigRepository(database.jdbc(), StoreDatabase.MAPPER);
            String configId = Ulids.newUlid();
            configs.insert(new StoredConfig(configId, "cfg", List.of(), data("{}"), NOW, NOW, 1));
            StoredArtifact first = insert(null, 0);
            StoredArtifact second = insert(null, 0);
            repository.link(configId, first.id());
            repository.link(configId, second.id());

            assertThat(repository.configOf(first.id())).contains(configId);
            assertThat(repository.linkedTo(configId))
                    .extracting(StoredArtifact::id)
                    .containsExactly(
                            List.of(first.id(), second.id()).stream().sorted().toArray(String[]::new));
            assertThat(repository.unlink(configId, first.id())).isTrue();
            assertThat(repository.unlink(configId, first.id())).isFalse();
            assertThat(repository.configOf(first.id())).isEmpty();

            configs.delete(configId);
            assertThat(repository.configOf(second.id()))
                    .as("deleting the config drops its links, not its artifacts")
                    .isEmpty();
            assertThat(repository.findById(second.id())).isPresent();
        }

        @Test
        void anArtifactIsSealedOnce() {
            StoredArtifact artifact = insert(null, 0);
            String jobId = Ulids.newUlid();
            ArtifactSeal seal = new ArtifactSeal(artifact.id(), jobId, ArtifactSeal.sha256(new byte[] {1}), NOW);

            repository.insertSeal(seal);

            assertThat(repository.findSeal(artifact.id())).contains(seal);
            assertThatThrownBy(() -> repository.insertSeal(new ArtifactSeal(artifact.id(), Ulids.newUlid(), null, NOW)))
                    .isInstanceOf(DataIntegrityViolationException.class);
            assertThat(repository.findSeal(artifact.id()).orElseThrow().jobId()).isEqualTo(jobId);
        }

        private StoredArtifact insert(String parentId, int level) {
            StoredArtifact artifact = artifact(parentId, level, data("{\"level\":" + level + "}"));
            repository.insert(artifact);
            return artifact;
        }

        private static StoredArtifact artifact(String parentId, int level, ObjectNode data) {
            return new StoredArtifact(Ulids.newUlid(), parentId, level, List.of("ml", "test"), data, NOW, NOW, 1, null);
        }

        private static ObjectNode data(String json) {
            return (ObjectNode) StoreDatabase.MAPPER.readTree(json);
        }
    }
}
