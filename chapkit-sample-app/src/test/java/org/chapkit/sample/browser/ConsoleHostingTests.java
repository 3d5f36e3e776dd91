package org.chapkit.sample.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.chapkit.test.H2DatabaseInitializer;
import org.chapkit.test.HttpApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * The console under a servlet context path: {@code /svc/} sends the browser on to {@code /svc/console/}, the page
 * uses relative URLs only, and in a real Chromium it reaches the API at {@code /svc/api/v1}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.servlet.context-path=/svc")
@ContextConfiguration(initializers = H2DatabaseInitializer.class)
class ConsoleHostingTests {

    @LocalServerPort
    int port;

    @Test
    void theConsoleWorksUnderAContextPathWithRelativeUrlsOnly() {
        HttpApi api = new HttpApi(port);
        HttpApi.Response root = api.get("/svc/");
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.body()).contains("url=console/").doesNotContain("\"/console");
        HttpApi.Response redirect = api.get("/svc/console");
        assertThat(redirect.status()).isEqualTo(307);
        assertThat(redirect.header("Location").orElseThrow()).endsWith("/svc/console/");
        HttpApi.Response index = api.get("/svc/console/");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.contentType()).startsWith("text/html");
        assertThat(index.body()).contains("src=\"js/main.js\"").doesNotContain("src=\"/", "href=\"/");
        assertThat(api.get("/svc/console/js/api.js").contentType()).contains("javascript");
        assertThat(api.get("/svc/console/console.css").contentType()).startsWith("text/css");

        var chromium = HeadlessChromium.find();
        assumeTrue(chromium.isPresent() || "true".equalsIgnoreCase(System.getenv("CI")), "no Chromium installed");
        try (DevToolsBrowser browser =
                        DevToolsBrowser.launch(chromium.orElseThrow().binary());
                DevToolsBrowser.Tab tab = browser.open()) {
            tab.navigate("http://localhost:" + port + "/svc/");
            tab.waitFor("location.pathname === '/svc/console/'"
                    + " && document.querySelector('#ov-health .badge')?.innerText === 'healthy'");
            tab.waitFor("document.querySelector('[data-count=completed]')");
            assertThat(tab.problems()).isEmpty();
        }
    }
}
