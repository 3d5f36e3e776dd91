package org.chapkit.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The bounds on size and count parameters are properties: set lower, they refuse what the defaults accept, with a
 * problem naming the bound, before any work.
 */
@ServiceTestOnH2
@TestPropertySource(
        properties = {
            "chapkit.web.max-page-size=5",
            "chapkit.artifacts.max-tree-depth=3",
            "chapkit.artifacts.max-rows-limit=2",
            "chapkit.ml.sample-data.max-locations=2"
        })
class ConfiguredLimitsTests {

    @LocalServerPort
    int port;

    HttpApi api;

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    @Test
    void thePageSizeMaximumIsChapkitWebMaxPageSize() {
        assertThat(api.get("/api/v1/configs?page=1&size=5").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/artifacts?page=1&size=5").status()).isEqualTo(200);
        for (String path : new String[] {"/api/v1/configs?page=1&size=6", "/api/v1/artifacts?page=1&size=6"}) {
            HttpApi.Response response = api.get(path);
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asString()).contains("size must be between 1 and 5, got 6");
        }
    }

    @Test
    void theTreeDepthIsChapkitArtifactsMaxTreeDepth() {
        String root = create(null).json().get("id").asString();
        String child = create(root).json().get("id").asString();
        String grandchild = create(child).json().get("id").asString();

        HttpApi.Response tooDeep = create(grandchild);

        assertThat(tooDeep.status()).as(tooDeep.toString()).isEqualTo(400);
        assertThat(tooDeep.json().get("detail").asString())
                .contains("at most 3 levels deep (chapkit.artifacts.max-tree-depth)");
        assertThat(tooDeep.json().get("errors").get(0).get("field").asString()).isEqualTo("parent_id");
        // moving the two-level subtree at child under another root's child would put grandchild at level 3
        String otherChild = create(create(null).json().get("id").asString())
                .json()
                .get("id")
                .asString();
        HttpApi.Response move = api.send(
                "PUT",
                "/api/v1/artifacts/" + child,
                "application/json",
                "{\"data\":{\"n\":1},\"parent_id\":\"" + otherChild + "\"}");
        assertThat(move.status()).as(move.toString()).isEqualTo(400);
        assertThat(move.json().get("detail").asString()).contains("would put an artifact at level 3");
    }

    @Test
    void theRowsWindowIsChapkitArtifactsMaxRowsLimit() {
        HttpApi.Response imported =
                api.send("POST", "/api/v1/artifacts/$import?format=csv", "text/csv", "a,b\n1,2\n3,4\n5,6\n");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        String id = imported.json().get("id").asString();

        assertThat(api.get("/api/v1/artifacts/" + id + "/$rows?limit=2").json().get("data"))
                .hasSize(2);
        HttpApi.Response tooMany = api.get("/api/v1/artifacts/" + id + "/$rows?limit=3");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("detail").asString())
                .contains("between 1 and 2 (chapkit.artifacts.max-rows-limit)");
    }

    @Test
    void sampleDataDimensionsAreChapkitMlSampleDataProperties() {
        assertThat(api.get("/api/v1/ml/$generate-sample-data?num_locations=2&num_periods=3")
                        .status())
                .isEqualTo(200);
        HttpApi.Response tooMany = api.get("/api/v1/ml/$generate-sample-data?num_locations=3&num_periods=3");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("detail").asString()).contains("num_locations");
    }

    private HttpApi.Response create(String parent) {
        return api.postJson(
                "/api/v1/artifacts",
                "{\"data\":{\"n\":1}" + (parent == null ? "" : ",\"parent_id\":\"" + parent + "\"") + "}");
    }
}
