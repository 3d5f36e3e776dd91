package org.chapkit.artifact.internal;

import org.chapkit.artifact.ArtifactDeleted;
import org.chapkit.artifact.ArtifactRepository;
import org.chapkit.artifact.StoredArtifact;
import org.chapkit.config.ConfigDeletionHook;
import org.chapkit.event.EventPublisher;

/** Deletes the artifact trees linked to a config when the config is deleted, as chapkit does. */
public class LinkedArtifactsDeletion implements ConfigDeletionHook {

    private final ArtifactRepository repository;
    private final EventPublisher events;

    public LinkedArtifactsDeletion(ArtifactRepository repository) {
        this(repository, EventPublisher.NONE);
    }

    public LinkedArtifactsDeletion(ArtifactRepository repository, EventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    @Override
    public void beforeDelete(String configId) {
        for (StoredArtifact root : repository.linkedTo(configId)) {
            java.util.List<String> ids = repository.subtreeIdsByDepth(root.id()).values().stream()
                    .flatMap(java.util.List::stream)
                    .toList();
            repository.delete(ids);
            ids.forEach(id -> events.publish(new ArtifactDeleted(id)));
        }
    }
}
