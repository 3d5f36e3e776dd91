package org.chapkit.artifact.storage;

import org.chapkit.problem.ChapkitException;
import org.chapkit.problem.ProblemType;

/** A storage backend failed to write, read or delete artifact content (a 503: the backend may come back). */
public class ArtifactStorageException extends ChapkitException {

    /**
     * @param detail what failed, naming the backend and the content
     * @param cause the backend's error
     */
    public ArtifactStorageException(String detail, Throwable cause) {
        super(ProblemType.SERVICE_UNAVAILABLE, detail, cause);
    }
}
