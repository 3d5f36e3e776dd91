package org.chapkit.artifact;

import java.util.Map;

/**
 * Names the levels of the artifact tree for display, as chapkit's {@code ArtifactHierarchy}: tree and expand
 * responses carry {@code hierarchy} (the name) and {@code level_label}. It does not constrain the tree.
 *
 * @param name the hierarchy's name
 * @param levelLabels label per level; levels without one are shown as {@code level_<n>}
 */
public record ArtifactHierarchy(String name, Map<Integer, String> levelLabels) {

    public ArtifactHierarchy {
        levelLabels = Map.copyOf(levelLabels);
    }

    /** The label of {@code level}. */
    public String label(int level) {
        return levelLabels.getOrDefault(level, "level_" + level);
    }
}
