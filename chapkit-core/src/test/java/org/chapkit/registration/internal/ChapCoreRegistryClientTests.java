package org.chapkit.registration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.chapkit.registration.RegistryReply;
import org.chapkit.registration.ServiceKeySource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ChapCoreRegistryClientTests {

    @Test
    void baseUrlGetsChapCoresRegisterPathAndAFullEndpointIsKept() {
        assertThat(ChapCoreRegistryClient.registerEndpoint(URI.create("http://chap:8000")))
                .hasToString("http://chap:8000/v2/services/$register");
        assertThat(ChapCoreRegistryClient.registerEndpoint(URI.create("http://chap:8000/")))
                .hasToString("http://chap:8000/v2/services/$register");
        assertThat(ChapCoreRegistryClient.registerEndpoint(URI.create("http://chap:8000/v2/services/$register")))
                .hasToString("http://chap:8000/v2/services/$register");
        assertThat(ChapCoreRegistryClient.registerEndpoint(URI.create("https://proxy/chap/v2/services/$register")))
                .hasToString("https://proxy/chap/v2/services/$register");
    }

    @Test
    void deregistersLikeServicekitDoes() {
        // servicekit: orchestrator_url.replace("/$register", "") + "/" + service_id
        try (ChapCoreRegistryClient client = client("http://chap:8000/v2/services/$register")) {
            assertThat(client.deregisterUrl("my-model")).hasToString("http://chap:8000/v2/services/my-model");
        }
    }

    @Test
    void unreachableRegistryIsAFailureValueNotAnException() {
        try (ChapCoreRegistryClient client = client("http://127.0.0.1:1")) {
            RegistryReply reply = client.register("my-model", URI.create("http://me:8000"), List.of());
            assertThat(reply).isInstanceOf(RegistryReply.Unreachable.class);
            assertThat(((RegistryReply.Failure) reply).reason()).isEqualTo("unreachable");
            assertThat(((RegistryReply.Failure) reply).describe())
                    .contains("POST http://127.0.0.1:1/v2/services/$register");
        }
    }

    private static ChapCoreRegistryClient client(String url) {
        return new ChapCoreRegistryClient(
                URI.create(url),
                ServiceKeySource.of(null, List.of(), name -> null),
                Duration.ofSeconds(2),
                JsonMapper.builder().build());
    }
}
