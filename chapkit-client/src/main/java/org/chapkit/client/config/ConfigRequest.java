package org.chapkit.client.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * The body of {@code POST /api/v1/configs} and {@code PUT /api/v1/configs/{id}} ({@code ConfigIn}). Members that
 * are {@code null} are left out, so a PUT without tags keeps the stored tags.
 *
 * @param id id to create or upsert under on POST, or {@code null} for a new one; ignored on PUT
 * @param name name of the config
 * @param data the config values
 * @param tags tags, or {@code null} to leave them unchanged on PUT (empty on POST)
 * @param <T> the service's config type
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfigRequest<T>(String id, String name, T data, List<String> tags) {

    /** Requires a name and data. */
    public ConfigRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
        tags = tags == null ? null : List.copyOf(tags);
    }

    /**
     * A request with a name and data only.
     *
     * @param name name of the config
     * @param data the config values
     * @param <T> the service's config type
     * @return the request
     */
    public static <T> ConfigRequest<T> of(String name, T data) {
        return new ConfigRequest<>(null, name, data, null);
    }
}
