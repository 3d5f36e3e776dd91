package org.chapkit.apps;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The {@code manifest.json} of a static app, as servicekit defines it. Unknown keys are rejected.
 *
 * @param name display name (required)
 * @param version app version (required)
 * @param prefix URL prefix it is mounted at (required), for example {@code /} or {@code /dashboard}
 * @param description optional description
 * @param author optional author
 * @param entry the file served for the prefix itself; {@code index.html} by default
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record AppManifest(String name, String version, String prefix, String description, String author, String entry) {

    /**
     * Validates the manifest and normalises {@code prefix} (no trailing slash except for {@code /}) and
     * {@code entry}.
     *
     * @throws InvalidAppException naming the offending field
     */
    public AppManifest {
        if (name == null || name.isBlank()) {
            throw new InvalidAppException("manifest field 'name' is required");
        }
        if (version == null || version.isBlank()) {
            throw new InvalidAppException("manifest field 'version' is required");
        }
        prefix = normalizePrefix(prefix);
        entry = normalizeEntry(entry == null ? "index.html" : entry);
    }

    /** A copy mounted at another prefix (re-validated). */
    public AppManifest withPrefix(String newPrefix) {
        return new AppManifest(name, version, newPrefix, description, author, entry);
    }

    static String normalizePrefix(String prefix) {
        if (prefix == null || !prefix.startsWith("/")) {
            throw new InvalidAppException("app prefix must start with '/', got '" + prefix + "'");
        }
        if (prefix.contains("..") || prefix.contains("\\") || prefix.contains("//")) {
            throw new InvalidAppException("app prefix must not contain '..', '\\\\' or '//', got '" + prefix + "'");
        }
        if (!prefix.matches("[A-Za-z0-9/_.~-]*")) {
            throw new InvalidAppException("app prefix may only contain letters, digits, '/', '-', '_', '.', '~'");
        }
        String trimmed =
                prefix.length() > 1 && prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        if (trimmed.equals("/api") || trimmed.startsWith("/api/")) {
            throw new InvalidAppException("app prefix '" + prefix + "' is reserved for the API");
        }
        return trimmed;
    }

    static String normalizeEntry(String entry) {
        if (entry.isBlank() || entry.startsWith("/") || entry.contains("\\") || entry.contains(":")) {
            throw new InvalidAppException("app entry must be a relative file path, got '" + entry + "'");
        }
        for (String segment : entry.split("/")) {
            if (segment.equals("..") || segment.equals(".") || segment.isEmpty()) {
                throw new InvalidAppException(
                        "app entry must not contain '.', '..' or empty segments, got '" + entry + "'");
            }
        }
        return entry;
    }
}
