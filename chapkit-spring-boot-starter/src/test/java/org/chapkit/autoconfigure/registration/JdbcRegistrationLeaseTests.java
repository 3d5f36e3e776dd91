package org.chapkit.autoconfigure.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import javax.sql.DataSource;
import org.chapkit.registration.JdbcRegistrationLease;
import org.chapkit.test.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

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
    void instancesRacingForAFreeLeaseGetExactlyOneHolder(String vendor) throws Exception {
        DataSource database = database(vendor);
        int racers = 6;
        CyclicBarrier start = new CyclicBarrier(racers);
        List<CompletableFuture<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            JdbcRegistrationLease lease =
                    new JdbcRegistrationLease(database, "my-model", "racer-" + i, Duration.ofMinutes(1));
            results.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
                return lease.acquire();
            }));
        }
        long winners = results.stream().filter(CompletableFuture::join).count();
        assertThat(winners).isEqualTo(1);
    }

    private static DataSource database(String vendor) {
        DriverManagerDataSource dataSource;
        if (vendor.equals("h2")) {
            dataSource = new DriverManagerDataSource(TestDatabases.freshH2(), "sa", "");
        } else {
            TestDatabases.Postgres postgres = TestDatabases.freshPostgres();
            dataSource = new DriverManagerDataSource(postgres.url(), postgres.username(), postgres.password());
        }
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:org/chapkit/db/migration/" + vendor)
                .load()
                .migrate();
        return dataSource;
    }
}
