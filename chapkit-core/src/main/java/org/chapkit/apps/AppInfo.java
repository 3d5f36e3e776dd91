package org.chapkit.apps;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

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
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AppInfo(
        String name,
        String version,
        String prefix,
        String description,
        String author,
        String entry,
        @JsonProperty("is_package") boolean isPackage) {

    /** JSON Schema of an {@code AppInfo[]} response. */
    public static final Map<String, Object> LIST_SCHEMA = Map.of(
            "type",
            "array",
            "title",
            "AppInfo list",
            "items",
            Map.of(
                    "type",
                    "object",
                    "title",
                    "AppInfo",
                    "required",
                    List.of("name", "version", "prefix", "entry", "is_package"),
                    "properties",
                    Map.of(
                            "name", Map.of("type", "string"),
                            "version", Map.of("type", "string"),
                            "prefix", Map.of("type", "string"),
                            "description", Map.of("type", List.of("string", "null")),
                            "author", Map.of("type", List.of("string", "null")),
                            "entry", Map.of("type", "string"),
                            "is_package", Map.of("type", "boolean"))));
}
