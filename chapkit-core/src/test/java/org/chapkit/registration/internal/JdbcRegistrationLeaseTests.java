package org.chapkit.registration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.chapkit.db.Racers;
import org.chapkit.db.StoreDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The registration lease on H2 and on PostgreSQL: one holder at a time, handed over on release or on expiry. */
class JdbcRegistrationLeaseTests {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void oneHolderAtATimeRenewedByItsHolderOnly(String vendor) {
        DataSource database = database(vendor);
        JdbcRegistrationLease a = new JdbcRegistrationLease(database, "my-model", "a", Duration.ofMinutes(1));
        JdbcRegistrationLease b = new JdbcRegistrationLease(database, "my-model", "b", Duration.ofMinutes(1));
        JdbcRegistrationLease other = new JdbcRegistrationLease(database, "other-model", "b", Duration.ofMinutes(1));

        assertThat(a.acquire()).isTrue();
        assertThat(b.acquire()).isFalse();
        assertThat(a.acquire()).as("renewal").isTrue();
        assertThat(b.acquire()).isFalse();
        assertThat(other.acquire())
                .as("a different service id is a different lease")
                .isTrue();
        assertThat(b.holder()).hasValue("a");

        a.release();
        assertThat(b.acquire()).isTrue();
        assertThat(a.acquire()).isFalse();
        assertThat(a.holder()).hasValue("b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aHolderThatStopsRenewingLosesTheLeaseWhenItExpires(String vendor) {
        DataSource database = database(vendor);
        JdbcRegistrationLease dead = new JdbcRegistrationLease(database, "my-model", "dead", Duration.ofMillis(300));
        // The standby's own lease is long, so it cannot lapse between the take-over and the assertions below on a
        // loaded machine; only the dead holder's short lease is what this test is about.
        JdbcRegistrationLease standby =
                new JdbcRegistrationLease(database, "my-model", "standby", Duration.ofMinutes(1));
        assertThat(dead.acquire()).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(standby::acquire);
        assertThat(dead.acquire())
                .as("a holder that comes back finds the lease taken")
                .isFalse();
        assertThat(dead.holder()).hasValue("standby");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void instancesRacingForAFreeLeaseGetExactlyOneHolder(String vendor) throws InterruptedException {
        DataSource database = database(vendor);
        List<Boolean> acquired = Racers.race(
                6, i -> new JdbcRegistrationLease(database, "my-model", "racer-" + i, Duration.ofMinutes(1)).acquire());

        assertThat(acquired).containsOnlyOnce(true);
    }

    private static DataSource database(String vendor) {
        return StoreDatabase.of(vendor).dataSource();
    }
}
