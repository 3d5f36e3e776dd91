package org.chapkit.artifact;

import org.chapkit.problem.BadRequestException;

/** An artifact was read as a kind it is not of: its {@code type} differs, or its data does not bind (400). */
public class WrongArtifactKindException extends BadRequestException {

    private static final long serialVersionUID = 1L;

    /**
     * @param id the artifact
     * @param kind the kind it was read as
     * @param cause the binding failure, or null when the type already differs
     */
    public WrongArtifactKindException(String id, ArtifactKind<?> kind, Throwable cause) {
        super("Artifact " + id + " is not a " + kind.label() + " artifact", cause);
    }
}
