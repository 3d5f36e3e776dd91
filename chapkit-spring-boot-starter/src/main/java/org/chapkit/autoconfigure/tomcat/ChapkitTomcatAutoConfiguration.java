package org.chapkit.autoconfigure.tomcat;

import java.util.Arrays;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.chapkit.problem.ProblemResponseWriter;
import org.chapkit.web.ResponseHeaders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sizes the embedded Tomcat's per-connection buffers from {@link ChapkitTomcatProperties}, and makes the errors Tomcat
 * answers itself problem+json ({@link ProblemErrorReportValve}). An idle SSE subscriber
 * costs little in chapkit itself; almost all of its heap is the buffers Tomcat allocates for each connection and
 * keeps until the request ends (see docs/performance.md, row 7).
 */
@AutoConfiguration
@ConditionalOnClass({Tomcat.class, TomcatConnectorCustomizer.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ChapkitTomcatProperties.class)
public final class ChapkitTomcatAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "chapkitTomcatBuffersCustomizer")
    TomcatConnectorCustomizer chapkitTomcatBuffersCustomizer(ChapkitTomcatProperties properties) {
        return connector -> applyBufferSizes(connector, properties);
    }

    /** Errors Tomcat answers before any servlet runs are problem+json too (see {@link ProblemErrorReportValve}). */
    @Bean
    @ConditionalOnMissingBean(name = "chapkitTomcatProblemErrorReports")
    TomcatContextCustomizer chapkitTomcatProblemErrorReports(
            ObjectProvider<ProblemResponseWriter> problems, ObjectProvider<ResponseHeaders> headers) {
        return context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                // Spring Boot adds a plain ErrorReportValve in a customizer of its own; just before the host starts
                // (every customizer has run) that one goes and ours, configured, takes its place. The host adds a
                // valve by class name only when its pipeline has none of that class.
                host.addLifecycleListener(event -> {
                    if (!Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                        return;
                    }
                    Pipeline pipeline = host.getPipeline();
                    for (Valve valve : pipeline.getValves()) {
                        if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                            pipeline.removeValve(valve);
                        }
                    }
                    if (Arrays.stream(pipeline.getValves()).noneMatch(ProblemErrorReportValve.class::isInstance)) {
                        pipeline.addValve(new ProblemErrorReportValve(
                                problems.getIfAvailable(() -> new ProblemResponseWriter(
                                        JsonMapper.builder().build())),
                                headers.getIfUnique()));
                    }
                });
            }
        };
    }

    static void applyBufferSizes(Connector connector, ChapkitTomcatProperties properties) {
        setSocketProperty(connector, "socket.appReadBufSize", properties.socketReadBufferSize());
        setSocketProperty(connector, "socket.appWriteBufSize", properties.socketWriteBufferSize());
        if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
            http.setMaxTrailerSize(Math.toIntExact(properties.maxTrailerSize().toBytes()));
        }
    }

    private static void setSocketProperty(Connector connector, String name, DataSize size) {
        if (!connector.setProperty(name, Long.toString(size.toBytes()))) {
            throw new IllegalStateException("Tomcat connector " + connector + " does not accept " + name);
        }
    }
}
