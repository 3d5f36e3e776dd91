package org.chapkit.autoconfigure.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.chapkit.autoconfigure.registration.ChapCoreRegistryServer.Entry;
import org.chapkit.autoconfigure.registration.ChapCoreRegistryServer.Request;
import org.chapkit.autoconfigure.registration.ServiceInstances.Instance;
import org.chapkit.registration.RegistrationState;
import org.chapkit.test.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One service registered with a chap-core registry over real HTTP (H2): registered within 5 s of being ready, kept
 * alive by keepalives past the registry's TTL, registered again after a registry restart. The service and the
 * registry are shared by the tests; every assertion is relative to what the registry has seen so far.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrationWithChapCoreTests {

    private static final Duration TTL = Duration.ofSeconds(2);

    private final ServiceInstances instances = new ServiceInstances();
    private ChapCoreRegistryServer registry;
    private Instance service;

    @BeforeAll
    void start(@TempDir Path secrets) {
        registry = ChapCoreRegistryServer.started(TTL, ServiceInstances.KEY);
        service = instances.start(
                TestDatabases.freshH2(),
                "sa",
                "",
                "chapkit.registration.orchestrator-url=" + registry.registerUrl(),
                "chapkit.registration.key-file=" + ServiceInstances.keyFile(secrets, ServiceInstances.KEY));
    }

    @AfterAll
    void stop() {
        instances.close();
        registry.close();
    }

    @Test
    void registersWithinFiveSecondsOfBeingReadyWithItsInfoAndListenUrl() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> registry.service("registered-model").isPresent());
        Request first = registry.requests("POST", "/$register").getFirst();
        assertThat(Duration.ofNanos(first.arrivedNanos() - service.readyNanos()))
                .isLessThan(Duration.ofSeconds(5));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.keySent()).isTrue();

        Entry entry = registry.service("registered-model").orElseThrow();
        assertThat(entry.uri().getPort()).isEqualTo(service.port());
        assertThat(entry.uri().getScheme()).isEqualTo("http");
        // the registration carries the document /api/v1/info serves, as servicekit sends it: {id, url, info}
        JsonNode info = service.http().get("/api/v1/info").json();
        JsonNode sent = JsonMapper.builder().build().readTree(first.body());
        assertThat(sent.propertyNames()).containsExactly("id", "url", "info");
        assertThat(sent.path("id").asString()).isEqualTo("registered-model");
        assertThat(sent.path("url").asString()).isEqualTo(entry.url());
        assertThat(sent.path("info")).isEqualTo(info);
        // chap-core keeps its own model of it: the keys it knows
        entry.info()
                .properties()
                .forEach(stored ->
                        assertThat(stored.getValue()).as(stored.getKey()).isEqualTo(info.path(stored.getKey())));
        assertThat(registry.count()).isEqualTo(1);
    }

    @Test
    void keepalivesKeepTheRegistrationPastTheTtl() {
        // registered_at survives only while the entry never lapses, so an age beyond two TTLs proves the keepalives
        await().atMost(Duration.ofSeconds(20))
                .until(() -> registry.service("registered-model")
                        .map(entry -> entry.age().compareTo(TTL.multipliedBy(2)) > 0)
                        .orElse(false));
        assertThat(registry.requests("PUT", "/$ping").getLast().status()).isEqualTo(200);
        assertThat(service.status().state()).isEqualTo(RegistrationState.REGISTERED);
        assertThat(service.status().pingUrl()).hasToString(registry.baseUrl() + "/v2/services/registered-model/$ping");
    }

    @Test
    void registersAgainWhenTheRegistryRestartsAndForgetsIt() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> registry.service("registered-model").isPresent());
        int registrations = registry.requests("POST", "/$register").size();
        int notFound = countNotFoundPings();

        registry.forgetAll();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> registry.requests("POST", "/$register").size() > registrations
                        && registry.service("registered-model").isPresent());
        assertThat(countNotFoundPings()).isGreaterThan(notFound);
        await().atMost(Duration.ofSeconds(10)).until(() -> service.status().state() == RegistrationState.REGISTERED);
    }

    @Test
    void healthAndMetricsShowTheRegistration() {
        await().atMost(Duration.ofSeconds(10)).until(() -> service.status().state() == RegistrationState.REGISTERED);
        Health health = service.context()
                .getBean("registrationHealthIndicator", HealthIndicator.class)
                .health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails())
                .containsEntry("state", "registered")
                .containsEntry("service_id", "registered-model")
                .containsKey("last_success")
                .doesNotContainKey("last_error");
        JsonNode chapkitHealth = service.http().get("/health").json();
        assertThat(chapkitHealth
                        .path("checks")
                        .path("registration")
                        .path("state")
                        .asString())
                .isEqualTo("healthy");

        assertThat(service.attempts("register")).isGreaterThanOrEqualTo(1);
        String prometheus = service.http().get("/metrics").body();
        assertThat(prometheus)
                .contains("chapkit_registration_attempts_total{operation=\"register\"}")
                .contains("chapkit_registration_registered 1.0")
                .contains("chapkit_registration_last_success_seconds ");
    }

    private int countNotFoundPings() {
        List<Request> pings = registry.requests("PUT", "/$ping");
        return (int) pings.stream().filter(ping -> ping.status() == 404).count();
    }
}
