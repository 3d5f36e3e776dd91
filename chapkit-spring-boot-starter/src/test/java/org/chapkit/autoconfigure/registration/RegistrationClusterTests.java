package org.chapkit.autoconfigure.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.chapkit.autoconfigure.registration.ChapCoreRegistryServer.Request;
import org.chapkit.autoconfigure.registration.ServiceInstances.Instance;
import org.chapkit.cluster.ClusterLeadership;
import org.chapkit.cluster.ClusterStore;
import org.chapkit.registration.RegistrationLease;
import org.chapkit.registration.RegistrationState;
import org.chapkit.test.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Two instances behind one load-balanced URL on one database produce one registration: one holds the database lease
 * and talks to chap-core, the other stands by and takes over when the holder stops. On H2 (two contexts sharing one
 * in-memory database) and on PostgreSQL; in cluster mode the leader holds it instead of a lease.
 */
class RegistrationClusterTests {

    /** The load balancer's URL (TEST-NET-1, never resolved or called). */
    private static final String BALANCER = "http://192.0.2.10:8000";

    private final ServiceInstances instances = new ServiceInstances();
    private ChapCoreRegistryServer registry;

    @AfterEach
    void stop() {
        instances.close();
        registry.close();
    }

    @Test
    void twoInstancesOnPostgresRegisterOnceAndTheOtherTakesOver(@TempDir Path secrets) {
        TestDatabases.Postgres database = TestDatabases.freshPostgres();
        twoInstancesRegisterOnce(database.url(), database.username(), database.password(), secrets);
    }

    @Test
    void twoInstancesOnH2RegisterOnceAndTheOtherTakesOver(@TempDir Path secrets) {
        twoInstancesRegisterOnce(TestDatabases.freshH2(), "sa", "", secrets);
    }

    private void twoInstancesRegisterOnce(String url, String username, String password, Path secrets) {
        registry = ChapCoreRegistryServer.started(Duration.ofSeconds(5), ServiceInstances.KEY);
        String[] properties = {
            // a lease of 600 ms: long enough that a GC pause of a loaded test machine does not hand it over
            "chapkit.registration.keepalive-interval=900ms",
            "chapkit.registration.orchestrator-url=" + registry.registerUrl(),
            "chapkit.registration.key-file=" + ServiceInstances.keyFile(secrets, ServiceInstances.KEY),
            "chapkit.registration.advertised-url=" + BALANCER
        };
        Instance first = instances.start(url, username, password, properties);
        Instance second = instances.start(url, username, password, properties);
        List<Instance> both = List.of(first, second);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> registry.service("registered-model").isPresent());
        await().atMost(Duration.ofSeconds(10)).until(() -> holders(both).size() == 1);
        Instance holder = holders(both).getFirst();
        Instance standby = holder == first ? second : first;
        int pings = registry.requests("PUT", "/$ping").size();
        // many keepalives later, still one registration request in all, and none from the standby
        await().atMost(Duration.ofSeconds(20))
                .until(() -> registry.requests("PUT", "/$ping").size() >= pings + 5);
        assertThat(registry.requests("POST", "/$register")).hasSize(1);
        assertThat(registry.count()).isEqualTo(1);
        assertThat(registry.service("registered-model").orElseThrow().url()).isEqualTo(BALANCER);
        assertThat(standby.status().state()).isEqualTo(RegistrationState.STANDBY);
        assertThat(standby.attempts("register") + standby.attempts("ping")).isZero();

        holder.close();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> standby.status().state() == RegistrationState.REGISTERED
                        && registry.service("registered-model").isPresent());
        assertThat(registry.requests("DELETE", "/registered-model")).hasSize(1);
        assertThat(registry.requests("POST", "/$register")).hasSize(2);
        assertThat(registry.service("registered-model").orElseThrow().url()).isEqualTo(BALANCER);
    }

    @Test
    void aCrashedHoldersLeaseKeepsOthersOffUntilItLapsesThenTheyTakeOver(@TempDir Path secrets) {
        TestDatabases.Postgres database = TestDatabases.freshPostgres();
        registry = ChapCoreRegistryServer.started(Duration.ofSeconds(2), ServiceInstances.KEY);
        Instance service = instances.start(
                database.url(),
                database.username(),
                database.password(),
                "chapkit.registration.orchestrator-url=" + registry.registerUrl(),
                "chapkit.registration.key-file=" + ServiceInstances.keyFile(secrets, ServiceInstances.KEY),
                "chapkit.registration.advertised-url=" + BALANCER);
        await().atMost(Duration.ofSeconds(10)).until(() -> service.status().state() == RegistrationState.REGISTERED);
        int registrations = registry.requests("POST", "/$register").size();

        // What a killed instance leaves behind: the lease row in its name, unexpired for another 1.5 s.
        JdbcClient jdbc = service.context().getBean(JdbcClient.class);
        OffsetDateTime now =
                jdbc.sql("SELECT CURRENT_TIMESTAMP").query(OffsetDateTime.class).single();
        jdbc.sql("UPDATE registration_leases SET holder = 'crashed-instance', expires_at = :until WHERE name = :name")
                .param("until", now.plus(Duration.ofMillis(1500)))
                .param("name", "registered-model")
                .update();

        await().atMost(Duration.ofSeconds(10)).until(() -> service.status().state() == RegistrationState.STANDBY);
        await().atMost(Duration.ofSeconds(10)).until(() -> service.status().state() == RegistrationState.REGISTERED);
        // it stood by without deregistering the entry the "other holder" keeps, then registered once on taking over
        assertThat(registry.requests("DELETE", "/registered-model")).isEmpty();
        assertThat(registry.requests("POST", "/$register")).hasSize(registrations + 1);
        assertThat(jdbc.sql("SELECT holder FROM registration_leases")
                        .query(String.class)
                        .single())
                .isEqualTo(service.status().instance());
    }

    @Test
    void inAClusterTheLeaderHoldsTheRegistrationAndItsSuccessorRegistersOnlyAfterItDeregistered(@TempDir Path secrets) {
        TestDatabases.Postgres database = TestDatabases.freshPostgres();
        registry = ChapCoreRegistryServer.started(Duration.ofSeconds(5), ServiceInstances.KEY);
        String[] properties = {
            "chapkit.registration.keepalive-interval=900ms",
            "chapkit.registration.orchestrator-url=" + registry.registerUrl(),
            "chapkit.registration.key-file=" + ServiceInstances.keyFile(secrets, ServiceInstances.KEY),
            "chapkit.registration.advertised-url=" + BALANCER,
            "chapkit.cluster.enabled=true",
            "chapkit.cluster.heartbeat-interval=200ms",
            "chapkit.cluster.missed-heartbeats=3",
            "chapkit.cluster.leader-lock-ttl=2s",
            "chapkit.cluster.leader-heartbeat=300ms",
            "chapkit.cluster.leader-busy-wait=100ms"
        };
        Instance first = instances.start(database.url(), database.username(), database.password(), properties);
        Instance second = instances.start(database.url(), database.username(), database.password(), properties);
        List<Instance> both = List.of(first, second);

        await().atMost(Duration.ofSeconds(20)).until(() -> holders(both).size() == 1);
        Instance holder = holders(both).getFirst();
        Instance standby = holder == first ? second : first;
        ClusterLeadership holderLeadership = holder.context().getBean(ClusterLeadership.class);
        assertThat(holderLeadership.isLeader())
                .as("the registration is held by the leader")
                .isTrue();
        assertThat(standby.context().getBean(ClusterLeadership.class).isLeader())
                .isFalse();
        assertThat(holder.status().instance()).isEqualTo(holderLeadership.instanceId());
        assertThat(holder.context().getBean(RegistrationLease.class).holder()).contains(holderLeadership.instanceId());
        JdbcClient jdbc = holder.context().getBean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM registration_leases")
                        .query(Long.class)
                        .single())
                .as("a cluster needs no lease of the registration's own")
                .isZero();
        int pings = registry.requests("PUT", "/$ping").size();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> registry.requests("PUT", "/$ping").size() >= pings + 3);
        assertThat(registry.requests("POST", "/$register")).hasSize(1);
        assertThat(standby.status().state()).isEqualTo(RegistrationState.STANDBY);

        holder.close();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> standby.status().state() == RegistrationState.REGISTERED
                        && registry.service("registered-model").isPresent());
        assertThat(standby.context().getBean(ClusterLeadership.class).isLeader())
                .isTrue();
        List<Request> registrations = registry.requests("POST", "/$register");
        List<Request> deregistrations = registry.requests("DELETE", "/registered-model");
        assertThat(registrations).hasSize(2);
        assertThat(deregistrations).hasSize(1);
        assertThat(deregistrations.getFirst().arrivedNanos())
                .as("the old leader deregistered before its successor registered")
                .isLessThan(registrations.get(1).arrivedNanos());

        // A newer term started elsewhere, as when this leader was paused past its lock: it stands down at once.
        JdbcClient standbyJdbc = standby.context().getBean(JdbcClient.class);
        standby.context()
                .getBean(TransactionOperations.class)
                .executeWithoutResult(status ->
                        standby.context().getBean(ClusterStore.class).startTerm("newer-leader", Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> standby.status().state() == RegistrationState.STANDBY);
        assertThat(standby.context().getBean(ClusterLeadership.class).isLeader())
                .isFalse();
        assertThat(standbyJdbc
                        .sql("SELECT leader_id FROM cluster_epoch")
                        .query(String.class)
                        .single())
                .isEqualTo("newer-leader");
    }

    private static List<Instance> holders(List<Instance> instances) {
        return instances.stream()
                .filter(instance -> instance.status().state() == RegistrationState.REGISTERED)
                .toList();
    }
}
