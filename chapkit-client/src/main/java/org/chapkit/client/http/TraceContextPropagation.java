package org.chapkit.client.http;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.net.http.HttpRequest;

/**
 * Sends the current OpenTelemetry span as a W3C {@code traceparent} header, so that the service's spans continue the
 * caller's trace. Only when {@code opentelemetry-api} is on the class path (an optional dependency: an application
 * with tracing has it, for example through Spring Boot's {@code spring-boot-starter-opentelemetry}); otherwise, or
 * without a valid current span, requests go out unchanged.
 */
final class TraceContextPropagation {

    private static final boolean PRESENT = present();

    private TraceContextPropagation() {}

    static void propagate(HttpRequest.Builder request) {
        if (PRESENT) {
            OpenTelemetryContext.propagate(request);
        }
    }

    private static boolean present() {
        try {
            Class.forName("io.opentelemetry.api.trace.Span", false, TraceContextPropagation.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    /** Loaded only when OpenTelemetry's API is there. */
    private static final class OpenTelemetryContext {

        static void propagate(HttpRequest.Builder request) {
            SpanContext span = Span.current().getSpanContext();
            if (span.isValid()) {
                request.header(
                        "traceparent",
                        "00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
                                + span.getTraceFlags().asHex());
            }
        }
    }
}
