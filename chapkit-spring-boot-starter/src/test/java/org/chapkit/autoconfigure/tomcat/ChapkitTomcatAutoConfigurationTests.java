package org.chapkit.autoconfigure.tomcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;

class ChapkitTomcatAutoConfigurationTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ChapkitTomcatAutoConfiguration.class));

    @Test
    void connectorGetsSmallerPerConnectionBuffersByDefault() {
        runner.run(context -> {
            Connector connector = customized(context.getBean(TomcatConnectorCustomizer.class));
            assertThat(connector.getProperty("socket.appReadBufSize")).isEqualTo("4096");
            assertThat(connector.getProperty("socket.appWriteBufSize")).isEqualTo("4096");
            assertThat(((AbstractHttp11Protocol<?>) connector.getProtocolHandler()).getMaxTrailerSize())
                    .isEqualTo(1024);
        });
    }

    @Test
    void propertiesRestoreTomcatsDefaults() {
        runner.withPropertyValues(
                        "chapkit.web.tomcat.socket-read-buffer-size=8KB",
                        "chapkit.web.tomcat.socket-write-buffer-size=8KB",
                        "chapkit.web.tomcat.max-trailer-size=8KB")
                .run(context -> {
                    Connector connector = customized(context.getBean(TomcatConnectorCustomizer.class));
                    assertThat(connector.getProperty("socket.appReadBufSize")).isEqualTo("8192");
                    assertThat(connector.getProperty("socket.appWriteBufSize")).isEqualTo("8192");
                    assertThat(((AbstractHttp11Protocol<?>) connector.getProtocolHandler()).getMaxTrailerSize())
                            .isEqualTo(8192);
                });
    }

    @Test
    void nonPositiveSizeFailsStartupNamingTheProperty() {
        runner.withPropertyValues("chapkit.web.tomcat.socket-read-buffer-size=0B")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("chapkit.web.tomcat.socket-read-buffer-size"));
    }

    @Test
    void backsOffWhenTheUserDefinesTheCustomizer() {
        runner.withBean("chapkitTomcatBuffersCustomizer", TomcatConnectorCustomizer.class, () -> connector -> {})
                .run(context -> {
                    Connector connector = customized(context.getBean(TomcatConnectorCustomizer.class));
                    assertThat(connector.getProperty("socket.appReadBufSize")).isEqualTo("8192");
                });
    }

    private static Connector customized(TomcatConnectorCustomizer customizer) {
        Connector connector = new Connector("HTTP/1.1");
        customizer.customize(connector);
        return connector;
    }

    /** The smaller buffers on a real port: full-size headers still fit and large bodies arrive whole. */
    @Nested
    @ServiceTestOnH2
    class OverARealPort {

        @LocalServerPort
        int port;

        @Test
        void requestHeadersNearTomcatsDefaultLimitStillFit() {
            HttpApi api = new HttpApi(port);
            String big = "x".repeat(7 * 1024);
            HttpApi.Response response =
                    api.send(HttpRequest.newBuilder(api.uri("/health")).header("X-Large", big));
            assertThat(response.status()).isEqualTo(200);
        }

        @Test
        void responsesLargerThanTheWriteBufferArriveWhole() {
            HttpApi api = new HttpApi(port);
            HttpApi.Response response = api.get("/openapi.json");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body().length()).isGreaterThan(16 * 1024);
            assertThat(response.json().get("paths").isObject()).isTrue();
        }
    }
}
