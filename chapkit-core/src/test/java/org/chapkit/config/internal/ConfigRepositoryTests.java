package org.chapkit.config.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.chapkit.config.StoredConfig;
import org.chapkit.db.StoreContract;
import org.chapkit.db.StoreDatabase;
import org.chapkit.id.Ulids;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** {@link ConfigRepository} on H2 and PostgreSQL: rows, the optimistic version, pages in id order, row locks. */
class ConfigRepositoryTests {

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

        final ConfigRepository repository;

        Contract(StoreDatabase database) {
            super(database);
            this.repository = new ConfigRepository(database.jdbc(), StoreDatabase.MAPPER);
        }

        @Test
        void aRowReadsBackAsWritten() {
            StoredConfig written = config("baseline", "{\"prediction_periods\":3,\"weights\":[0.5,1.5]}");
            repository.insert(written);

            assertThat(repository.findById(written.id())).contains(written);
            assertThat(repository.findById(Ulids.newUlid())).isEmpty();
        }

        @Test
        void anUpdateWinsOnlyAtTheExpectedVersion() {
            StoredConfig written = config("baseline", "{\"prediction_periods\":3}");
            repository.insert(written);
            StoredConfig renamed = new StoredConfig(
                    written.id(),
                    "renamed",
                    List.of("new"),
                    data("{\"prediction_periods\":4}"),
                    written.createdAt(),
                    NOW.plusSeconds(5),
                    2);

            assertThat(repository.update(renamed, 2)).isFalse();
            assertThat(repository.update(renamed, 1)).isTrue();
            assertThat(repository.update(renamed, 1)).isFalse();
            assertThat(repository.findById(written.id())).contains(renamed);
        }

        @Test
        void pagesFollowIdOrder() {
            List<String> ids =
                    List.of(insert("c").id(), insert("a").id(), insert("b").id());

            assertThat(repository.count()).isEqualTo(3);
            assertThat(repository.findAll()).extracting(StoredConfig::id).containsExactlyElementsOf(ids);
            assertThat(repository.findPage(1, 1)).extracting(StoredConfig::id).containsExactly(ids.get(1));
            assertThat(repository.findPage(3, 10)).isEmpty();
        }

        @Test
        void aLockedReadSeesTheRowInsideItsTransaction() {
            StoredConfig written = insert("locked");

            StoredConfig locked = database.transactions()
                    .execute(
                            status -> repository.findByIdForUpdate(written.id()).orElseThrow());

            assertThat(locked).isEqualTo(written);
            Optional<StoredConfig> missing =
                    database.transactions().execute(status -> repository.findByIdForUpdate(Ulids.newUlid()));
            assertThat(missing).isEmpty();
        }

        @Test
        void deleteSaysWhetherThereWasARow() {
            StoredConfig written = insert("gone");

            assertThat(repository.delete(written.id())).isTrue();
            assertThat(repository.delete(written.id())).isFalse();
            assertThat(repository.count()).isZero();
        }

        private StoredConfig insert(String name) {
            StoredConfig config = config(name, "{}");
            repository.insert(config);
            return config;
        }

        private static StoredConfig config(String name, String json) {
            return new StoredConfig(Ulids.newUlid(), name, List.of("ml"), data(json), NOW, NOW, 1);
        }

        private static ObjectNode data(String json) {
            return (ObjectNode) StoreDatabase.MAPPER.readTree(json);
        }
    }
}
