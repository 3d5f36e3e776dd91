package org.chapkit.artifact.storage;

import java.io.InputStream;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Stores the bytes of artifact content, keyed by the content id of the {@code artifact_contents} row that describes
 * them (metadata always stays in the database). Every method streams: an implementation holds at most a bounded
 * buffer in memory, whatever the size of the content.
 *
 * <p>The caller writes content before the row that names it commits, and deletes it after the row's delete commits;
 * content left behind by a crash in between (a written object whose row never committed) is found through {@link
 * #forEachWrittenBefore} and removed by the orphan sweep.
 */
public interface ArtifactContentStorage {

    /** The backend's name, stored with each content row and used as the metrics tag, e.g. {@code filesystem}. */
    String type();

    /**
     * Writes {@code in} to its end as the content {@code contentId}. On failure nothing readable is left under that id.
     *
     * @param contentId the id of the content row (a ULID), unique per upload
     * @param in the bytes; the caller enforces the size limit while they are read
     * @return what was written
     * @throws ArtifactStorageException when the backend fails
     */
    ContentReference write(String contentId, InputStream in);

    /**
     * Opens written content for reading from its start.
     *
     * @param content the content as written
     * @throws ArtifactStorageException when it cannot be opened (or is gone)
     */
    InputStream open(ContentReference content);

    /**
     * Removes content; nothing happens when it is already gone.
     *
     * @param contentId the content's id
     * @throws ArtifactStorageException when the backend fails
     */
    void delete(String contentId);

    /**
     * Hands every content id written before {@code cutoff} to {@code action}, for the orphan sweep. A backend whose
     * content cannot outlive its row (the database's chunks are deleted by a foreign key) hands none.
     */
    void forEachWrittenBefore(Instant cutoff, Consumer<String> action);
}
