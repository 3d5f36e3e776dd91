package org.chapkit.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import org.chapkit.artifact.ArtifactManager;
import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Artifact trees are rendered recursively, so their depth is bounded: an artifact below level 100 is a 400. */
@ServiceTestOnH2
class ArtifactDepthTests {

    @LocalServerPort
    int port;

    @Test
    void anArtifactDeeperThanTheLimitIsRefusedAndTheTreeStillRenders() {
        HttpApi api = new HttpApi(port);
        String root = create(api, null).json().get("id").asString();
        String parent = root;
        for (int level = 1; level < ArtifactManager.DEFAULT_MAX_TREE_DEPTH; level++) {
            parent = create(api, parent).json().get("id").asString();
        }

        HttpApi.Response tooDeep = create(api, parent);

        assertThat(tooDeep.status()).as(tooDeep.toString()).isEqualTo(400);
        assertThat(tooDeep.contentType()).startsWith("application/problem+json");
        assertThat(tooDeep.json().get("detail").asString()).contains("at most 101 levels deep");
        assertThat(api.get("/api/v1/artifacts/" + root + "/$tree").status()).isEqualTo(200);
    }

    private static HttpApi.Response create(HttpApi api, String parent) {
        return api.postJson(
                "/api/v1/artifacts",
                "{\"data\":{\"n\":1}" + (parent == null ? "" : ",\"parent_id\":\"" + parent + "\"") + "}");
    }
}
