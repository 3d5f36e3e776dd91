package org.chapkit.client.system;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A static web app hosted by the service, from {@code GET /api/v1/system/apps}.
 *
 * @param name app name
 * @param version app version
 * @param prefix URL prefix the app is served under
 * @param description description, or {@code null}
 * @param author author, or {@code null}
 * @param entry entry file, usually {@code index.html}
 * @param isPackage whether the app ships inside a library rather than a directory
 */
public record AppInfo(
        String name,
        String version,
        String prefix,
        String description,
        String author,
        String entry,
        @JsonProperty("is_package") boolean isPackage) {}
