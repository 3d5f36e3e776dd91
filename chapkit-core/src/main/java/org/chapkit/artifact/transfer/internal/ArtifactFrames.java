package org.chapkit.artifact.transfer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.chapkit.artifact.ArtifactRepository;
import org.chapkit.artifact.transfer.TabularSource;
import org.chapkit.id.Ulids;
import org.chapkit.problem.BadRequestException;
import org.chapkit.problem.NotFoundException;

/**
 * The DataFrames stored in artifacts as {@link TabularSource}s, each streamed from its stored JSON when read: what
 * {@code $download?format=}, {@code $export} and {@code $rows} write out.
 */
public final class ArtifactFrames {

    /** How much of the stored text is read first to find a frame's content type and columns. */
    public static final int HEAD_CHARS = 64 * 1024;

    private final ArtifactRepository repository;
    private final StoredData data;

    /**
     * @param repository the artifacts table, for the trees of {@link #frameDescendants}
     * @param data streamed reads of the stored data
     */
    public ArtifactFrames(ArtifactRepository repository, StoredData data) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.data = Objects.requireNonNull(data, "data");
    }

    /**
     * The DataFrames of {@code ids} as one table, checked up front (before a response is committed) to be DataFrames
     * with the same columns.
     *
     * @param ids the artifacts, in the order of their rows
     * @param labelColumn name of a leading column holding each row's artifact id, or null for none
     * @return the table
     * @throws NotFoundException when an artifact does not exist, or {@code ids} is empty
     * @throws BadRequestException when one does not hold a DataFrame, or their columns differ
     */
    public TabularSource frames(List<String> ids, String labelColumn) {
        return StoredFrames.of(data, ids.stream().map(Ulids::requireValid).toList(), labelColumn);
    }

    /**
     * Ids of the descendants of {@code id} that hold a DataFrame (the artifact itself excluded), by depth, then id.
     *
     * @param id the artifact
     * @return the ids
     * @throws NotFoundException when there is no such artifact
     */
    public List<String> frameDescendants(String id) {
        String artifactId = Ulids.requireValid(id);
        Map<Integer, List<String>> byDepth = repository.subtreeIdsByDepth(artifactId);
        if (byDepth.isEmpty()) {
            throw new NotFoundException("Artifact " + artifactId + " not found");
        }
        List<String> result = new ArrayList<>();
        byDepth.forEach((depth, ids) -> {
            if (depth > 0) {
                ids.stream()
                        .sorted()
                        .filter(child -> data.open(child)
                                .map(parser -> StoredFrames.scan(parser).isFrame())
                                .orElse(false))
                        .forEach(result::add);
            }
        });
        return result;
    }
}
