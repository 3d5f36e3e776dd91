package org.chapkit.client;

/**
 * Collection statistics returned by {@code GET .../$stats}.
 *
 * @param total number of entities in the collection
 */
public record EntityStats(long total) {}
