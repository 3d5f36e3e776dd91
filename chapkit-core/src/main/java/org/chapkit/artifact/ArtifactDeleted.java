package org.chapkit.artifact;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.chapkit.event.ChapkitEvent;

/**
 * Event {@code org.chapkit.artifact.deleted}: an artifact was deleted (each artifact of a deleted subtree has its own event).
 *
 * @param artifactId the artifact
 */
public record ArtifactDeleted(@JsonProperty("artifact_id") String artifactId) implements ChapkitEvent {

    /** The event type. */
    public static final String TYPE = "org.chapkit.artifact.deleted";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventSubject() {
        return "artifacts/" + artifactId;
    }
}
