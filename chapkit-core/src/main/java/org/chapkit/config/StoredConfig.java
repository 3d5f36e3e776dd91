package org.chapkit.config;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * A config as stored: its JSON {@code data} already bound and normalised by its {@link ConfigType}.
 *
 * @param id ULID
 * @param name display name, not unique
 * @param tags tags
 * @param data the config values, defaults filled in and unknown keys kept
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 * @param version optimistic-locking version, starting at 1
 */
public record StoredConfig(
        String id,
        String name,
        List<String> tags,
        ObjectNode data,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public StoredConfig {
        tags = List.copyOf(tags);
    }
}
