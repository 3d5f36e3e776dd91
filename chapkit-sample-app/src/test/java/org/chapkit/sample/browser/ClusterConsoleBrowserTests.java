package org.chapkit.sample.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chapkit.sample.browser.DevToolsBrowser.js;

import java.nio.file.Path;
import java.time.Duration;
import org.chapkit.sample.ServiceTestInClusterModeOnH2;
import org.chapkit.test.HttpApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The console's Cluster page in a real headless Chromium, against the sample app in cluster mode on a real port: the
 * instance listed alive as the leader with its epoch and term, and a member that joins shown without a reload (the
 * page follows {@code /api/v1/cluster/$stream}). The page in a service without cluster mode is in
 * {@link ConsoleBrowserTests}.
 */
@ServiceTestInClusterModeOnH2
class ClusterConsoleBrowserTests {

    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Duration WITHIN = Duration.ofSeconds(30);

    @RegisterExtension
    static final BrowserPerClass browser = new BrowserPerClass();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theClusterPageShowsTheLeaderAndFollowsMembersJoiningLive() {
        HttpApi api = new HttpApi(port);
        JsonNode cluster = api.get("/api/v1/cluster").json();
        String self = cluster.get("instance_id").asString();
        try (DevToolsBrowser.Tab tab = browser.open()) {
            tab.navigate("http://localhost:" + port + "/console/#/cluster");
            tab.waitFor(
                    "document.querySelector(" + js("[data-member=\"" + self + "\"]") + ")"
                            + " && document.querySelector(" + js("[data-leader=\"" + self + "\"]") + ")",
                    WITHIN);
            assertThat(tab.text("[data-member=\"" + self + "\"]"))
                    .contains("ALIVE", "leader", "api, worker, scheduler");
            assertThat(tab.text("[aria-label=\"leadership\"]")).contains("Epoch");
            assertThat(tab.eval("document.querySelectorAll('[data-epoch]').length")
                            .asInt())
                    .isPositive();

            jdbc.sql("INSERT INTO cluster_members (instance_id, host, port, version, roles, state, started_at, "
                            + "last_heartbeat) VALUES ('console-joined', 'elsewhere', 8000, 'x', 'worker', 'ALIVE', "
                            + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                    .update();
            tab.waitFor("document.querySelector('[data-member=\"console-joined\"]')", WITHIN);
            assertThat(tab.text("[data-member=\"console-joined\"]")).contains("worker", "elsewhere:8000");
            tab.screenshot(SCREENSHOTS.resolve("cluster.png"));
            assertThat(tab.problems()).isEmpty();
        } finally {
            jdbc.sql("DELETE FROM cluster_members WHERE instance_id = 'console-joined'")
                    .update();
        }
    }
}
