package org.chapkit.artifact.storage;

/**
 * Content as a storage backend wrote it.
 *
 * @param contentId the id of the content row, which is also its key in the backend
 * @param size length in bytes
 * @param sha256 lowercase hex SHA-256 of the bytes
 */
public record ContentReference(String contentId, long size, String sha256) {}
