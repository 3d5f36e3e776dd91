package org.chapkit.autoconfigure.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.chapkit.autoconfigure.registration.ChapCoreRegistryServer.Request;
import org.chapkit.autoconfigure.registration.ServiceInstances.Instance;
import org.chapkit.registration.Backoff;
import org.chapkit.registration.ChapCoreRegistration;
import org.chapkit.registration.RegistrationState;
import org.chapkit.test.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * When chap-core is down or rejects the key, the service still starts and serves, backs off instead of flooding,
 * registers once things are fixed, and deregisters on a graceful shutdown. Each test runs its own service (H2).
 */
@ExtendWith(OutputCaptureExtension.class)
class RegistrationFailureTests {

    /** As {@link ServiceInstances} configures it. */
    private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(100), Duration.ofMillis(400));

    private static final String WRONG_KEY = "wrong-key-e41d9a7c";

    private final ServiceInstances instances = new ServiceInstances();
    private ChapCoreRegistryServer registry;

    @AfterEach
    void stop() {
        instances.close();
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void wrongKeyBacksOffWithoutFloodingAndRegistersOnceTheSecretFileIsFixed(
            @TempDir Path secrets, CapturedOutput output) throws Exception {
        registry = ChapCoreRegistryServer.started(Duration.ofSeconds(2), ServiceInstances.KEY);
        Path keyFile = ServiceInstances.keyFile(secrets, WRONG_KEY);
        Instance service = start(registry, keyFile);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> registry.requests("POST", "/$register").size() >= 6);
        List<Request> seen = registry.requests();
        double attempts = service.attempts("register");
        List<Request> registers = registry.requests("POST", "/$register");
        // every request was a registration answered 401: no keepalives, no other calls
        assertThat(seen).allMatch(request -> request.path().endsWith("/$register") && request.status() == 401);
        // the counter is bumped before a request leaves, so it can only be ahead of the registry, by one
        assertThat(attempts).isBetween((double) registers.size(), registers.size() + 1.0);
        // each gap is at least the backoff's minimum for that failure: doubling, then capped — never a flood
        for (int failure = 1; failure < registers.size(); failure++) {
            Duration gap = Duration.ofNanos(registers.get(failure).arrivedNanos()
                    - registers.get(failure - 1).arrivedNanos());
            assertThat(gap).as("gap after failure %d", failure).isGreaterThanOrEqualTo(BACKOFF.minimum(failure));
        }
        assertThat(service.status().state()).isEqualTo(RegistrationState.RETRYING);
        Health health = service.context()
                .getBean("registrationHealthIndicator", HealthIndicator.class)
                .health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("state", "retrying");
        assertThat((String) health.getDetails().get("last_error"))
                .contains("401")
                .contains("Missing or invalid service key")
                .doesNotContain(WRONG_KEY);
        assertThat(service.http().get("/health").status()).isEqualTo(200);

        Files.writeString(keyFile, ServiceInstances.KEY + "\n"); // the secret is rotated: no restart needed
        await().atMost(Duration.ofSeconds(10))
                .until(() -> registry.service("registered-model").isPresent());
        await().atMost(Duration.ofSeconds(10)).until(() -> service.status().state() == RegistrationState.REGISTERED);
        assertThat(output.getAll()).doesNotContain(WRONG_KEY).doesNotContain(ServiceInstances.KEY);
    }

    @Test
    void serviceStartsWhileTheRegistryIsDownRegistersWhenItComesUpAndDeregistersOnShutdown(@TempDir Path secrets) {
        registry = new ChapCoreRegistryServer(
                ChapCoreRegistryServer.freePort(), Duration.ofSeconds(2), ServiceInstances.KEY);
        Instance service = start(registry, ServiceInstances.keyFile(secrets, ServiceInstances.KEY));

        // chap-core is down: the service serves anyway, and says why it is not registered
        assertThat(service.http().get("/api/v1/info").status()).isEqualTo(200);
        assertThat(service.http().get("/health").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> service.status().state() == RegistrationState.RETRYING);
        assertThat(service.status().lastError()).contains("ConnectException");

        registry.start();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> registry.service("registered-model").isPresent());
        await().atMost(Duration.ofSeconds(10)).until(() -> service.status().state() == RegistrationState.REGISTERED);

        ChapCoreRegistration registration = service.context().getBean(ChapCoreRegistration.class);
        service.close();

        assertThat(registry.requests("DELETE", "/registered-model"))
                .singleElement()
                .satisfies(delete -> assertThat(delete.status()).isEqualTo(204));
        assertThat(registry.service("registered-model")).isEmpty();
        assertThat(registration.status().state()).isEqualTo(RegistrationState.STOPPED);
    }

    private Instance start(ChapCoreRegistryServer registry, Path keyFile) {
        return instances.start(
                TestDatabases.freshH2(),
                "sa",
                "",
                "chapkit.registration.orchestrator-url=" + registry.registerUrl(),
                "chapkit.registration.key-file=" + keyFile);
    }
}
