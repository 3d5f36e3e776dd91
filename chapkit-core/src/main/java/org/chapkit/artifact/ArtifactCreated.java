package org.chapkit.artifact;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.chapkit.event.ChapkitEvent;

/**
 * Event {@code org.chapkit.artifact.created}: an artifact was created.
 *
 * @param artifactId the artifact
 * @param parentId its parent, or null for a root
 */
public record ArtifactCreated(
        @JsonProperty("artifact_id") String artifactId,
        @JsonProperty("parent_id") String parentId) implements ChapkitEvent {

    /** The event type. */
    public static final String TYPE = "org.chapkit.artifact.created";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventSubject() {
        return "artifacts/" + artifactId;
    }
}
