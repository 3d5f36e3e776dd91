package org.chapkit.ml.shell;

import java.util.Objects;
import org.chapkit.ml.runner.ModelCodec;

/**
 * The "model" of the shell runner: the whole training workspace, zipped (stored as {@code application/zip}).
 *
 * @param zip the zip bytes
 */
public record WorkspaceArchive(byte[] zip) {

    /** The content type of workspace archives. */
    public static final String CONTENT_TYPE = "application/zip";

    /** Checks the bytes are present. */
    public WorkspaceArchive {
        Objects.requireNonNull(zip, "zip");
    }

    /**
     * The codec that stores the archive bytes as they are.
     *
     * @return the codec
     */
    public static ModelCodec<WorkspaceArchive> codec() {
        return ModelCodec.of(CONTENT_TYPE, WorkspaceArchive::zip, WorkspaceArchive::new);
    }
}
