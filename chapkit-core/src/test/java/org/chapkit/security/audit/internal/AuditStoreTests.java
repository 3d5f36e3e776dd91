package org.chapkit.security.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.chapkit.crud.PageRequest;
import org.chapkit.crud.PageResponse;
import org.chapkit.db.StoreContract;
import org.chapkit.db.StoreDatabase;
import org.chapkit.id.Ulids;
import org.chapkit.security.access.Role;
import org.chapkit.security.audit.AuditEvent;
import org.chapkit.security.audit.AuditOutcome;
import org.chapkit.security.audit.AuditQuery;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link AuditStore} on H2 and PostgreSQL: filtered pages newest first, literal path prefixes, the retention purge. */
class AuditStoreTests {

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
        private static final AuditQuery ALL = new AuditQuery(null, null, null, null, null, null);

        final AuditStore store;

        Contract(StoreDatabase database) {
            super(database);
            this.store = new AuditStore(database.jdbc());
        }

        @Test
        void pagesAreNewestFirstWithTheTotal() {
            for (int i = 0; i < 5; i++) {
                store.insert(event("ci", "GET", "/api/v1/configs", 200, NOW.plusSeconds(i)));
            }

            PageResponse<AuditEvent> page = store.page(ALL, new PageRequest(1, 2));

            assertThat(page.total()).isEqualTo(5);
            assertThat(page.items()).extracting(AuditEvent::at).containsExactly(NOW.plusSeconds(4), NOW.plusSeconds(3));
            assertThat(store.page(ALL, new PageRequest(3, 2)).items()).hasSize(1);
        }

        @Test
        void everyFilterNarrowsThePage() {
            store.insert(event("ci", "GET", "/api/v1/configs", 200, NOW));
            store.insert(event("ci", "POST", "/api/v1/jobs", 500, NOW.plusSeconds(1)));
            store.insert(event("ops", "DELETE", "/api/v1/configs/x", 204, NOW.plusSeconds(2)));

            assertThat(paths(new AuditQuery("ci", null, null, null, null, null)))
                    .containsExactly("/api/v1/jobs", "/api/v1/configs");
            assertThat(paths(new AuditQuery(null, AuditOutcome.FAILED, null, null, null, null)))
                    .containsExactly("/api/v1/jobs");
            assertThat(paths(new AuditQuery(null, null, "delete", null, null, null)))
                    .containsExactly("/api/v1/configs/x");
            assertThat(paths(new AuditQuery(null, null, null, "/api/v1/configs", null, null)))
                    .containsExactly("/api/v1/configs/x", "/api/v1/configs");
            assertThat(paths(new AuditQuery(null, null, null, null, NOW.plusSeconds(1), NOW.plusSeconds(2))))
                    .containsExactly("/api/v1/jobs");
        }

        @Test
        void aPathPrefixIsLiteralNotAPattern() {
            store.insert(event("ci", "GET", "/api/v1/a_b", 200, NOW));
            store.insert(event("ci", "GET", "/api/v1/axb", 200, NOW.plusSeconds(1)));
            store.insert(event("ci", "GET", "/api/v1/100%", 200, NOW.plusSeconds(2)));
            store.insert(event("ci", "GET", "/api/v1/1000", 200, NOW.plusSeconds(3)));

            assertThat(paths(new AuditQuery(null, null, null, "/api/v1/a_", null, null)))
                    .containsExactly("/api/v1/a_b");
            assertThat(paths(new AuditQuery(null, null, null, "/api/v1/100%", null, null)))
                    .containsExactly("/api/v1/100%");
        }

        @Test
        void retentionDeletesOnlyOlderEvents() {
            store.insert(event("ci", "GET", "/old", 200, NOW.minusSeconds(60)));
            store.insert(event("ci", "GET", "/new", 200, NOW));

            assertThat(store.deleteBefore(NOW.minusSeconds(1))).isEqualTo(1);
            assertThat(paths(ALL)).containsExactly("/new");
        }

        @Test
        void overlongValuesAreCutToTheirColumns() {
            store.insert(event("ci", "GET", "/" + "p".repeat(3000), 200, NOW));

            assertThat(store.page(ALL, new PageRequest(1, 10)).items().get(0).path())
                    .hasSize(2000);
        }

        private List<String> paths(AuditQuery query) {
            return store.page(query, new PageRequest(1, 100)).items().stream()
                    .map(AuditEvent::path)
                    .toList();
        }

        private static AuditEvent event(String subject, String method, String path, int status, Instant at) {
            return new AuditEvent(
                    Ulids.newUlid(),
                    at,
                    subject,
                    "ck_abcd",
                    Role.OPERATOR,
                    method,
                    path,
                    null,
                    status,
                    AuditOutcome.ofStatus(status),
                    "req-" + status);
        }
    }
}
