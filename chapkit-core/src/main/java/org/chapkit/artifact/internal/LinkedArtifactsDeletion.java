package org.chapkit.artifact.internal;

import java.util.List;
import org.chapkit.artifact.ArtifactContentStore;
import org.chapkit.artifact.ArtifactRepository;
import org.chapkit.artifact.StoredArtifact;
import org.chapkit.config.ConfigDeletionHook;

/** Deletes the artifact trees linked to a config when the config is deleted, as chapkit does. */
public class LinkedArtifactsDeletion implements ConfigDeletionHook {

    private final ArtifactRepository repository;
    private final ArtifactContentStore contents;

    /** Deletes content rows only; bytes in another storage are left to the orphan sweep. */
    public LinkedArtifactsDeletion(ArtifactRepository repository) {
        this(repository, null);
    }

    /**
     * @param repository the artifacts table
     * @param contents the content store, whose bytes are deleted after the config's delete commits
     */
    public LinkedArtifactsDeletion(ArtifactRepository repository, ArtifactContentStore contents) {
        this.repository = repository;
        this.contents = contents;
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
        }
    }
}
