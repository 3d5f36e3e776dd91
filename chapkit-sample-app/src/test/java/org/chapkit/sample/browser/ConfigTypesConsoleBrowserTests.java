package org.chapkit.sample.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chapkit.sample.browser.DevToolsBrowser.js;

import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The console's Configs page in a real headless Chromium for a service with two config types (the sample's forecast
 * config and a {@code scenario} type from {@code chapkit.config.additional-types}): a tab per type, a config of the
 * second type created from that type's own schema and stored under {@code /api/v1/config-types/scenario/configs},
 * then edited, compared with its first version and rolled back from the versions table. The page of a service with
 * one type (no tabs) is in {@link ConsoleBrowserTests}.
 */
@ServiceTestOnH2
@TestPropertySource(
        properties = "chapkit.config.additional-types.scenario=org.chapkit.sample.ConfigTypesClientTests$Scenario")
class ConfigTypesConsoleBrowserTests {

    private static final String SCENARIOS = "/api/v1/config-types/scenario/configs";

    @RegisterExtension
    static final BrowserPerClass browser = new BrowserPerClass();

    @LocalServerPort
    int port;

    @Test
    void aConfigOfTheSecondTypeIsCreatedEditedComparedAndRolledBackInItsOwnTab() {
        HttpApi api = new HttpApi(port);
        try (DevToolsBrowser.Tab tab = browser.open()) {
            tab.navigate("http://localhost:" + port + "/console/#/configs");
            tab.waitFor("document.querySelectorAll('[data-config-type]').length === 2");
            assertThat(tab.text("[data-config-type=\"default\"]")).contains("ForecastConfig", "default");
            assertThat(tab.eval("document.querySelector('[data-config-type=\"default\"]').getAttribute('aria-current')")
                            .asString())
                    .isEqualTo("page");

            tab.click("[data-config-type=\"scenario\"]");
            tab.waitFor("location.hash === '#/configs/type/scenario'"
                    + " && document.querySelector('[data-config-type=\"scenario\"][aria-current=\"page\"]')");
            tab.click("#config-new");
            tab.waitFor("document.getElementById('config-rainfall_factor')");
            assertThat(tab.eval("document.getElementById('config-n_samples') === null")
                            .asBoolean())
                    .as("the scenario form is built from the scenario schema, not the forecast one")
                    .isTrue();
            tab.type("#config-name", "wet season");
            tab.type("#config-rainfall_factor", "1.5");
            tab.click("#config-save");
            tab.waitFor("/^#\\/configs\\/type\\/scenario\\/[0-9A-Z]{26}$/.test(location.hash)"
                    + " && document.querySelector('#config-versions [data-version=\"1\"]')");
            String id = tab.eval("location.hash.split('/')[4]").asString();
            assertThat(api.get(SCENARIOS + "/" + id)
                            .json()
                            .get("data")
                            .get("rainfall_factor")
                            .asDouble())
                    .isEqualTo(1.5);
            assertThat(api.get("/api/v1/configs").json().toString())
                    .as("a scenario is not a config of the default type")
                    .doesNotContain(id);
            assertThat(tab.text("#config-detail")).doesNotContain("Linked artifacts");

            tab.type("#config-rainfall_factor", "2.25");
            tab.click("#config-save");
            tab.waitFor("document.querySelector('#config-versions [data-version=\"2\"]')"
                    + " && document.querySelector('[data-compare=\"1\"]')");
            tab.click("[data-compare=\"1\"]");
            tab.waitFor("document.querySelector('#config-diff [data-change=\"/data/rainfall_factor\"]')");
            assertThat(tab.text("#config-diff [data-change=\"/data/rainfall_factor\"]"))
                    .contains("1.5", "2.25");
            tab.screenshot(ConsoleBrowserTests.SCREENSHOTS.resolve("config-types.png"));

            tab.eval("window.confirm = () => true");
            tab.click("[data-rollback=\"1\"]");
            tab.waitFor("document.querySelector('#config-versions [data-version=\"3\"]')");
            JsonNode restored = api.get(SCENARIOS + "/" + id).json();
            assertThat(restored.get("data").get("rainfall_factor").asDouble()).isEqualTo(1.5);
            assertThat(api.get(SCENARIOS + "/" + id + "/versions").json().size())
                    .isEqualTo(3);
            assertThat(tab.eval("document.getElementById('config-rainfall_factor').value")
                            .asString())
                    .isEqualTo("1.5");
            assertThat(tab.problems()).isEmpty();
        }
    }

    @Test
    void aTypeTheServiceDoesNotHaveIsNamedOnThePage() {
        try (DevToolsBrowser.Tab tab = browser.open()) {
            tab.navigate("http://localhost:" + port + "/console/#/configs/type/nonesuch");
            tab.waitFor("document.getElementById('page')?.innerText.includes('no config type')");
            assertThat(tab.text("#page")).contains("\"nonesuch\"");
            assertThat(tab.eval("document.querySelector(" + js("[data-config-type=\"scenario\"]") + ") !== null")
                            .asBoolean())
                    .isTrue();
            assertThat(tab.problems()).isEmpty();
        }
    }
}
