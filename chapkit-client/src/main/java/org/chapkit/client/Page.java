package org.chapkit.client;

import java.util.List;

/**
 * One page of a paginated list ({@code ?page=&size=} on configs and artifacts).
 *
 * @param items the entities on this page
 * @param total number of entities in the whole collection
 * @param page 1-based page number
 * @param size requested page size
 * @param pages number of pages, {@code ceil(total / size)}
 * @param <T> the entity type
 */
public record Page<T>(List<T> items, long total, int page, int size, int pages) {

    /** Normalises a missing item list to an empty one. */
    public Page {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
