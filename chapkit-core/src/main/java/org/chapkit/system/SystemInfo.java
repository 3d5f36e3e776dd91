package org.chapkit.system;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The body of {@code GET /api/v1/system}. {@code python_version} keeps chapkit's key name (the console displays
 * it) and carries the Java runtime version.
 *
 * @param currentTime now, in UTC
 * @param timezone the JVM's default time zone
 * @param runtimeVersion the Java runtime version
 * @param platform operating system, version and architecture
 * @param hostname this host's name
 */
public record SystemInfo(
        @JsonProperty("current_time") Instant currentTime,
        String timezone,
        @JsonProperty("python_version") String runtimeVersion,
        String platform,
        String hostname) {}
