/**
 * Auto-configuration that adapts chapkit to Spring Boot's tracing (Micrometer Tracing with a bridge such as
 * {@code spring-boot-starter-opentelemetry}): job attempt links, {@code trace_id} of problems, JDBC spans.
 */
package org.chapkit.autoconfigure.tracing;
