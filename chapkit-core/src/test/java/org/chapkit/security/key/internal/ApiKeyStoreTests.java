package org.chapkit.security.key.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.chapkit.db.StoreContract;
import org.chapkit.db.StoreDatabase;
import org.chapkit.id.Ulids;
import org.chapkit.security.access.Role;
import org.chapkit.security.key.ApiKey;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link ApiKeyStore} on H2 and PostgreSQL: keys found by digest, listed newest first, revoked once. */
class ApiKeyStoreTests {

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

        final ApiKeyStore store;

        Contract(StoreDatabase database) {
            super(database);
            this.store = new ApiKeyStore(database.jdbc());
        }

        @Test
        void aKeyIsFoundByIdAndByTheDigestOfItsSecretOnly() {
            ApiKey key = new ApiKey(Ulids.newUlid(), "ci", Role.OPERATOR, "ck_abcd", NOW, NOW.plusSeconds(3600), null);
            store.insert(key, "digest-1");

            assertThat(store.find(key.id())).contains(key);
            assertThat(store.findByHash("digest-1")).contains(key);
            assertThat(store.findByHash("digest-2")).isEmpty();
        }

        @Test
        void keysAreListedNewestFirst() {
            ApiKey older = new ApiKey(Ulids.newUlid(), "old", Role.VIEWER, "ck_old", NOW, null, null);
            ApiKey newer = new ApiKey(Ulids.newUlid(), "new", Role.ADMIN, "ck_new", NOW.plusSeconds(1), null, null);
            store.insert(older, "digest-old");
            store.insert(newer, "digest-new");

            assertThat(store.list()).extracting(ApiKey::name).containsExactly("new", "old");
        }

        @Test
        void aRevocationKeepsItsFirstTime() {
            ApiKey key = new ApiKey(Ulids.newUlid(), "ci", Role.VIEWER, "ck_abcd", NOW, null, null);
            store.insert(key, "digest");

            assertThat(store.revoke(key.id(), NOW.plusSeconds(10))).isTrue();
            assertThat(store.revoke(key.id(), NOW.plusSeconds(20)))
                    .as("already revoked, still there")
                    .isTrue();
            assertThat(store.revoke(Ulids.newUlid(), NOW)).isFalse();

            ApiKey revoked = store.findByHash("digest").orElseThrow();
            assertThat(revoked.revokedAt()).isEqualTo(NOW.plusSeconds(10));
            assertThat(revoked.activeAt(NOW.plusSeconds(11))).isFalse();
        }
    }
}
