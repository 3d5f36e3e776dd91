package org.chapkit.sample.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chapkit.test.ServiceTestOnH2;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages a person opens in a browser, rendered by a real headless Chromium against the sample app on a real port:
 * {@code /}, which sends the browser on to the web console (driven page by page in {@link ConsoleBrowserTests}), and
 * the Swagger UI at {@code /docs} (built in the browser from {@code /openapi.json}).
 *
 * <p>CI ({@code .ci/run}) installs Debian's {@code chromium}; elsewhere the tests are skipped when no Chromium is
 * installed, and fail under {@code CI=true} so a CI machine without a browser cannot pass them silently.
 */
@ServiceTestOnH2
class BrowserPagesTests {

    private static HeadlessChromium chromium;

    @LocalServerPort
    int port;

    @BeforeAll
    static void findChromium() {
        chromium = HeadlessChromium.requireForTests();
    }

    @Test
    void rootSendsTheBrowserOnToTheConsole() {
        String dom = chromium.renderedDom("http://localhost:" + port + "/", 5_000);

        assertThat(dom).contains("Chapkit Console</title>", "id=\"nav-list\"", "data-page=\"overview\"");
        assertThat(element(dom, "span", "service-name")).isNotBlank();
    }

    @Test
    void swaggerUiRendersTheChapkitOperationsFromTheOpenApiDocument() {
        String dom = chromium.renderedDom("http://localhost:" + port + "/docs", 15_000);

        assertThat(dom)
                .as("Swagger UI built the operation list in the browser")
                .contains(
                        "data-path=\"/api/v1/ml/$train\"",
                        "data-path=\"/api/v1/ml/$predict\"",
                        "data-path=\"/api/v1/configs/{id}\"",
                        "data-path=\"/api/v1/artifacts/{id}/$download\"",
                        "data-path=\"/api/v1/jobs/{id}/$stream\"",
                        "data-path=\"/api/v1/tasks/{name}/$execute\"");
    }

    /** The text of the element {@code <tag id="id">…</tag>} in the rendered DOM. */
    private static String element(String dom, String tag, String id) {
        Matcher matcher = Pattern.compile("<" + tag + " id=\"" + id + "\">(.*?)</" + tag + ">", Pattern.DOTALL)
                .matcher(dom);
        assertThat(matcher.find())
                .as("<%s id=\"%s\"> in the rendered page", tag, id)
                .isTrue();
        return matcher.group(1);
    }
}
