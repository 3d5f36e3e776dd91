package org.chapkit.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.chapkit.test.ServiceTestOnH2;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors Tomcat answers before any servlet runs, in contract generation 2 and with a non-default
 * {@code chapkit.security.frame-options}: the same problem shape and headers as the application's own problems.
 */
@ServiceTestOnH2
@TestPropertySource(properties = {"chapkit.contract.generation=2", "chapkit.security.frame-options=sameorigin"})
class TomcatErrorProblemTests {

    @LocalServerPort
    int port;

    @Test
    void anEncodedSlashIsAGeneration2ProblemWithTheConfiguredHeaders() throws Exception {
        HttpResponse<String> tomcat = get("/api/v1/configs/a%2Fb", "from-proxy-1");
        HttpResponse<String> controller = get("/api/v1/configs/not-a-ulid", "from-proxy-2");

        assertThat(tomcat.statusCode()).isEqualTo(400);
        JsonNode problem = JsonMapper.builder().build().readTree(tomcat.body());
        assertThat(problem.path("instance").asString()).isEqualTo("/api/v1/configs/a%2Fb");
        assertThat(problem.path("trace_id").asString()).isEqualTo("from-proxy-1");
        assertThat(tomcat.headers().firstValue("X-Request-ID")).hasValue("from-proxy-1");
        assertThat(tomcat.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
        // the same headers as a problem the application writes
        JsonNode other = JsonMapper.builder().build().readTree(controller.body());
        assertThat(other.path("trace_id").asString()).isEqualTo("from-proxy-2");
        for (String header : new String[] {"X-Content-Type-Options", "X-Frame-Options", "X-XSS-Protection"}) {
            assertThat(tomcat.headers().firstValue(header))
                    .as(header)
                    .isPresent()
                    .isEqualTo(controller.headers().firstValue(header));
        }
        assertThat(tomcat.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
    }

    private HttpResponse<String> get(String path, String requestId) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .header("X-Request-ID", requestId)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
