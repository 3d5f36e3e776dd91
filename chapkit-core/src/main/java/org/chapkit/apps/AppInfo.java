package org.chapkit.apps;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One entry of {@code GET /api/v1/system/apps}.
 *
 * @param name display name
 * @param version app version
 * @param prefix mount prefix
 * @param description description or null
 * @param author author or null
 * @param entry entry file
 * @param isPackage whether the app ships inside a jar (class path) rather than a directory
 */
@Schema(name = "AppInfo")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AppInfo(
        String name,
        String version,
        String prefix,
        @Schema(nullable = true) String description,
        @Schema(nullable = true) String author,
        String entry,
        @JsonProperty("is_package") boolean isPackage) {}
