package org.chapkit.config;

import java.time.Instant;
import java.util.List;

/**
 * A config with its data as the service's typed record, for Java callers such as model runners.
 *
 * @param id ULID
 * @param name display name
 * @param tags tags
 * @param data the typed config values
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 * @param version optimistic-locking version
 * @param <T> the config record
 */
public record Config<T extends BaseConfig>(
        String id, String name, List<String> tags, T data, Instant createdAt, Instant updatedAt, long version) {}
