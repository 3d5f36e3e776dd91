package org.chapkit.client.system;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Runtime facts about the service process, from {@code GET /api/v1/system}.
 *
 * @param currentTime the server's clock
 * @param timezone the server's time zone name
 * @param runtimeVersion the runtime version (wire name {@code python_version}; a Java service puts its Java
 *     version here)
 * @param platform operating system description
 * @param hostname host name
 */
public record SystemInfo(
        @JsonProperty("current_time") Instant currentTime,
        String timezone,
        @JsonProperty("python_version") String runtimeVersion,
        String platform,
        String hostname) {}
