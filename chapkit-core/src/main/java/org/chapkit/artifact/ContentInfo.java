package org.chapkit.artifact;

import org.chapkit.artifact.storage.ContentReference;
import org.chapkit.artifact.storage.DatabaseContentStorage;

/**
 * Facts about an artifact's binary content, which is stored apart from its JSON data.
 *
 * @param id id of this upload of the content
 * @param size length in bytes
 * @param chunks number of stored chunks (database storage; 0 elsewhere)
 * @param head the first (up to) 200 bytes, for the bytes stub shown in JSON responses
 * @param storage the {@link org.chapkit.artifact.storage.ArtifactContentStorage#type()} holding the bytes
 * @param sha256 lowercase hex SHA-256 of the bytes; null for content stored before it was recorded
 */
public record ContentInfo(String id, long size, int chunks, byte[] head, String storage, String sha256) {

    /** Content in the database, digest unknown. */
    public ContentInfo(String id, long size, int chunks, byte[] head) {
        this(id, size, chunks, head, DatabaseContentStorage.TYPE, null);
    }

    /** The reference its storage reads it by. */
    public ContentReference reference() {
        return new ContentReference(id, size, sha256);
    }
}
