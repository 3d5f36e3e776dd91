package org.chapkit.taskrun;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a task job stores: enough to bind the params again on whichever instance runs it.
 *
 * @param task the task name
 * @param params the call's JSON params, as validated at submission
 * @param attempt 1 for the first attempt
 * @param firstJobId the job of the first attempt, or null for the first attempt itself
 * @param cachedArtifactId the artifact of a cached result to answer with, or null to run the task
 */
public record TaskJobPayload(
        @JsonProperty("task") String task,
        @JsonProperty("params") ObjectNode params,
        @JsonProperty("attempt") int attempt,
        @JsonProperty("first_job_id") String firstJobId,
        @JsonProperty("cached_artifact_id") String cachedArtifactId) {}
