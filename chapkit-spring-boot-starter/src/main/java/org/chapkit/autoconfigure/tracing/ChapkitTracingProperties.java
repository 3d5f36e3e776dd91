package org.chapkit.autoconfigure.tracing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of chapkit's tracing ({@code chapkit.tracing.*}); tracing itself is on when the application has a tracing
 * bridge (add {@code spring-boot-starter-opentelemetry}) and is configured with Spring Boot's
 * {@code management.tracing.*} and {@code management.opentelemetry.*} properties.
 *
 * @param enabled whether chapkit reports job submits and attempts as observations and adapts to the tracer: links of
 *     late job attempts, the span's trace id as the problems' {@code trace_id}, JDBC spans
 * @param jobLinkAfter how late after its submit a job attempt starts a trace of its own, linked to the submitter's
 *     span, instead of continuing the submitter's trace (retries always start their own)
 * @param jdbc whether each JDBC statement made inside a traced request or job is a span (needs {@code
 *     net.ttddyy.observation:datasource-micrometer} on the class path)
 * @param jdbcConnections whether each JDBC connection taken from the pool is a span too, the parent of its statements'
 *     spans; off, a statement's span is a child of the request's or job's span it ran in
 * @param security whether Spring Security's filter chain, authentication and authorization observations are made (and
 *     are spans below a request's server span)
 */
@ConfigurationProperties("chapkit.tracing")
public record ChapkitTracingProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5m") Duration jobLinkAfter,
        @DefaultValue("true") boolean jdbc,
        @DefaultValue("false") boolean jdbcConnections,
        @DefaultValue("true") boolean security) {}
