package org.chapkit.sample.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The console of the sample app with security on (the settings of {@code SecuredSampleAppTests}, so the context is
 * shared): its files load without a key, the API answers 401 and the console says so, and with the key entered once
 * every call succeeds.
 */
class SecuredConsoleBrowserTests {

    static final String KEY = "sample-admin-key-5d0c3e9a71b24f68";

    @Nested
    @ServiceTestOnH2
    @TestPropertySource(properties = {"chapkit.security.enabled=true", "SERVICEKIT_API_KEYS=" + KEY})
    class OnH2 {

        @LocalServerPort
        int port;

        @Test
        void withoutAKeyTheConsoleExplainsThe401AndWithTheKeyEnteredOnceItWorks() {
            HttpApi api = new HttpApi(port);
            assertThat(api.get("/console/").status())
                    .as("the console's files need no key")
                    .isEqualTo(200);
            assertThat(api.get("/console/js/api.js").status()).isEqualTo(200);
            assertThat(api.get("/api/v1/jobs").status()).isEqualTo(401);

            var chromium = HeadlessChromium.find();
            assumeTrue(chromium.isPresent() || "true".equalsIgnoreCase(System.getenv("CI")), "no Chromium installed");
            try (DevToolsBrowser browser =
                            DevToolsBrowser.launch(chromium.orElseThrow().binary());
                    DevToolsBrowser.Tab tab = browser.open()) {
                tab.allow("401");
                tab.navigate("http://localhost:" + port + "/console/#/jobs");
                tab.waitFor("!document.getElementById('banner').hidden");
                assertThat(tab.text("#banner")).contains("Not signed in", "X-API-Key");
                tab.waitFor("document.querySelector('#page .state.error')");
                tab.screenshot(ConsoleBrowserTests.SCREENSHOTS.resolve("secured-401.png"));

                tab.click("#banner button");
                tab.waitFor("document.getElementById('auth-dialog').open");
                tab.type("#auth-value", KEY);
                tab.click("#auth-form button[value=save]");
                tab.waitFor(
                        "document.getElementById('banner').hidden"
                                + " && (document.querySelector('#page table') || document.querySelector('#page .state.empty'))");
                tab.navigate("http://localhost:" + port + "/console/#/overview");
                tab.waitFor("document.querySelector('#ov-health .badge')?.innerText === 'healthy'"
                        + " && document.querySelector('[data-count=completed]')");
                assertThat(tab.eval("document.getElementById('banner').hidden").asBoolean())
                        .isTrue();
                tab.screenshot(ConsoleBrowserTests.SCREENSHOTS.resolve("secured-overview.png"));
                assertThat(tab.problems()).isEmpty();
            }
        }
    }
}
