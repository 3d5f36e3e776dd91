package org.chapkit.crud;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a collection, servicekit's {@code PaginatedResponse}: returned by list endpoints when both {@code page}
 * and {@code size} are given.
 *
 * @param items the entities on this page, in the collection's stable order
 * @param total number of entities in the whole collection
 * @param page 1-based page number
 * @param size page size asked for
 * @param pages number of pages, {@code ceil(total / size)}, 0 when the collection is empty
 * @param <T> the entity type
 */
public record PageResponse<T>(List<T> items, long total, int page, int size, long pages) {

    /** A page with {@code pages} computed from {@code total} and {@code size}. */
    public static <T> PageResponse<T> of(List<T> items, long total, PageRequest request) {
        long pages = total == 0 ? 0 : (total + request.size() - 1) / request.size();
        return new PageResponse<>(List.copyOf(items), total, request.page(), request.size(), pages);
    }

    /** The same page with each item converted, for example from a stored entity to its wire record. */
    public <R> PageResponse<R> map(Function<? super T, ? extends R> converter) {
        return new PageResponse<>(items.stream().<R>map(converter).toList(), total, page, size, pages);
    }
}
