package org.chapkit.autoconfigure.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.chapkit.info.AssessedStatus;
import org.chapkit.info.ModelMetadata;
import org.chapkit.info.PeriodType;
import org.chapkit.info.ServiceInfo;
import org.chapkit.registration.RegistryReply;
import org.chapkit.registration.ServiceKeySource;
import org.chapkit.registration.internal.ChapCoreRegistryClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The registry client against the chap-core registry test server: each answer chap-core gives, as a typed reply. */
class ChapCoreRegistryClientTests {

    private static final URI SERVICE = URI.create("http://my-model:8000");

    private final ChapCoreRegistryServer registry = ChapCoreRegistryServer.started(Duration.ofSeconds(30), "k");

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void registerPingDeregister() {
        try (ChapCoreRegistryClient client = client("k")) {
            RegistryReply registered = client.register("my-model", SERVICE, info());
            assertThat(registered).isInstanceOfSatisfying(RegistryReply.Registered.class, ok -> {
                assertThat(ok.pingUrl()).hasToString(registry.baseUrl() + "/v2/services/my-model/$ping");
                assertThat(ok.ttl()).isEqualTo(Duration.ofSeconds(30));
                assertThat(ok.message()).isEqualTo("Service registered successfully");
            });
            assertThat(client.register("my-model", SERVICE, info()))
                    .isInstanceOfSatisfying(
                            RegistryReply.Registered.class,
                            ok -> assertThat(ok.message()).isEqualTo("Service registration updated"));
            URI ping = ((RegistryReply.Registered) registered).pingUrl();
            assertThat(client.ping(ping)).isInstanceOf(RegistryReply.Alive.class);
            assertThat(client.deregister("my-model")).isInstanceOf(RegistryReply.Deregistered.class);
            assertThat(client.ping(ping))
                    .isInstanceOfSatisfying(
                            RegistryReply.NotFound.class,
                            notFound -> assertThat(notFound.detail()).isEqualTo("Service my-model not found"));
            assertThat(client.deregister("my-model")).isInstanceOf(RegistryReply.NotFound.class);
        }
    }

    @Test
    void wrongOrMissingKeyIsUnauthorized() {
        try (ChapCoreRegistryClient wrong = client("not-k");
                ChapCoreRegistryClient none = client(null)) {
            for (ChapCoreRegistryClient client : List.of(wrong, none)) {
                assertThat(client.register("my-model", SERVICE, info()))
                        .isInstanceOfSatisfying(RegistryReply.Unauthorized.class, failure -> {
                            assertThat(failure.detail()).isEqualTo("Missing or invalid service key");
                            assertThat(failure.describe()).doesNotContain("not-k");
                        });
            }
        }
        assertThat(registry.count()).isZero();
    }

    @Test
    void infoChapCoreDoesNotAcceptIsRejectedWithItsValidationDetail() {
        try (ChapCoreRegistryClient client = client("k")) {
            // chap-core 2.x's own MLServiceInfo knows weekly and monthly only
            Map<String, Object> anyPeriod =
                    Map.of("id", "my-model", "display_name", "M", "model_metadata", Map.of(), "period_type", "any");
            assertThat(client.register("my-model", SERVICE, anyPeriod))
                    .isInstanceOfSatisfying(RegistryReply.Rejected.class, rejected -> {
                        assertThat(rejected.status()).isEqualTo(422);
                        assertThat(rejected.reason()).isEqualTo("rejected");
                        assertThat(rejected.detail()).contains("period_type");
                    });
        }
    }

    @Test
    void registryDownIsUnreachable() {
        registry.stop();
        try (ChapCoreRegistryClient client = client("k")) {
            assertThat(client.register("my-model", SERVICE, info()))
                    .isInstanceOfSatisfying(
                            RegistryReply.Unreachable.class,
                            failure -> assertThat(failure.describe()).contains("ConnectException"));
        }
    }

    private ChapCoreRegistryClient client(String key) {
        return new ChapCoreRegistryClient(
                URI.create(registry.registerUrl()),
                ServiceKeySource.of(null, List.of("KEY"), name -> key),
                Duration.ofSeconds(5),
                JsonMapper.builder().build());
    }

    private static ServiceInfo info() {
        return new ServiceInfo(
                "my-model",
                "My Model",
                "1.0.0",
                null,
                new ModelMetadata(null, null, AssessedStatus.GRAY, null, null, null, null, null, null),
                PeriodType.MONTHLY,
                0,
                12,
                false,
                List.of(),
                false);
    }
}
