package org.chapkit.artifact.internal;

import org.chapkit.artifact.ArtifactRepository;
import org.chapkit.artifact.StoredArtifact;
import org.chapkit.config.ConfigDeletionHook;

/** Deletes the artifact trees linked to a config when the config is deleted, as chapkit does. */
public class LinkedArtifactsDeletion implements ConfigDeletionHook {

    private final ArtifactRepository repository;

    public LinkedArtifactsDeletion(ArtifactRepository repository) {
        this.repository = repository;
    }

    @Override
    public void beforeDelete(String configId) {
        for (StoredArtifact root : repository.linkedTo(configId)) {
            repository.delete(repository.subtreeIdsByDepth(root.id()).values().stream()
                    .flatMap(java.util.List::stream)
                    .toList());
        }
    }
}
