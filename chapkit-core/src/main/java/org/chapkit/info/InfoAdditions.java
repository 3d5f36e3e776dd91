package org.chapkit.info;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys chapkit 2.x added to {@code /api/v1/info}, present only in contract generation 2 (chap-core 1.x rejects
 * unknown keys). Names and meaning come from chapkit 2.0.0 (provenance, chap-core PR #564) and 2.3.0
 * ({@code target}, {@code hpo_search_space}).
 *
 * @param target the predicted column, {@code disease_cases} by default
 * @param hpoSearchSpace hyper-parameter name → search space, or null when the model offers none
 * @param gitRevision the commit the service was built from (chap-core stores it as the template's source digest)
 * @param chapkitVersion the version of chapkit for Java serving the contract
 * @param servicekitVersion the servicekit version (null: a Java service has no servicekit)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record InfoAdditions(
        String target,
        @JsonProperty("hpo_search_space") Map<String, HpoParameter> hpoSearchSpace,
        @JsonProperty("git_revision") String gitRevision,
        @JsonProperty("chapkit_version") String chapkitVersion,
        @JsonProperty("servicekit_version") String servicekitVersion) {

    /** The default {@link #target()}. */
    public static final String DEFAULT_TARGET = "disease_cases";

    public InfoAdditions {
        target = target == null || target.isBlank() ? DEFAULT_TARGET : target;
        hpoSearchSpace = hpoSearchSpace == null || hpoSearchSpace.isEmpty()
                ? null
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hpoSearchSpace));
        gitRevision = gitRevision == null || gitRevision.isBlank() ? null : gitRevision;
    }
}
