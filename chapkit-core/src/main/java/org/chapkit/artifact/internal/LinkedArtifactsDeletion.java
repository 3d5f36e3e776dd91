package org.chapkit.artifact.internal;

import java.util.List;
import org.chapkit.artifact.ArtifactContentStore;
import org.chapkit.artifact.ArtifactDeleted;
import org.chapkit.artifact.ArtifactRepository;
import org.chapkit.artifact.StoredArtifact;
import org.chapkit.config.ConfigDeletionHook;
import org.chapkit.event.EventPublisher;

/** Deletes the artifact trees linked to a config when the config is deleted, as chapkit does. */
public class LinkedArtifactsDeletion implements ConfigDeletionHook {

    private final ArtifactRepository repository;
    private final ArtifactContentStore contents;
    private final EventPublisher events;

    /** Deletes content rows only; bytes in another storage are left to the orphan sweep. */
    public LinkedArtifactsDeletion(ArtifactRepository repository) {
        this(repository, null, EventPublisher.NONE);
    }

    /**
     * @param repository the artifacts table
     * @param contents the content store, whose bytes are deleted after the config's delete commits; null to leave
     *     them to the orphan sweep
     * @param events where artifact deletions are published
     */
    public LinkedArtifactsDeletion(
            ArtifactRepository repository, ArtifactContentStore contents, EventPublisher events) {
        this.repository = repository;
        this.contents = contents;
        this.events = events;
    }

    @Override
    public void beforeDelete(String configId) {
        for (StoredArtifact root : repository.linkedTo(configId)) {
            List<String> ids = repository.subtreeIdsByDepth(root.id()).values().stream()
                    .flatMap(List::stream)
                    .toList();
            if (contents != null) {
                contents.releaseContentOf(ids);
            }
            repository.delete(ids);
            ids.forEach(id -> events.publish(new ArtifactDeleted(id)));
        }
    }
}
