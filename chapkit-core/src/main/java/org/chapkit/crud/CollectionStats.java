package org.chapkit.crud;

/**
 * The body of a collection's {@code $stats} endpoint.
 *
 * @param total number of entities in the collection
 */
public record CollectionStats(long total) {}
