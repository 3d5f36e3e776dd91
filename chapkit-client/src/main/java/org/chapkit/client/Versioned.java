package org.chapkit.client;

/**
 * An entity together with the {@code ETag} the server sent for it. Pass the ETag back as {@code ifMatch} to an
 * update or delete to have it refused with 409 ({@link ChapkitProblemException#isConflict()}) when someone else
 * changed the entity in between (optimistic locking; a Chapkit-for-Java extension, Python services send no ETag).
 *
 * @param value the entity, or {@code null} for a response without a body
 * @param etag the {@code ETag} header as sent (for example {@code "3"} with the quotes), or {@code null} when the
 *     server sent none
 * @param <T> the entity type
 */
public record Versioned<T>(T value, String etag) {}
