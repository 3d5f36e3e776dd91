package org.chapkit.taskrun;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.chapkit.artifact.ArtifactKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code data} of the artifact a task run stores: {@code {"task_name","params","result","error"}}, exactly one of
 * {@code result} and {@code error} set (both null when the task returned nothing).
 *
 * @param taskName the task
 * @param params the params the run was bound with
 * @param result what the task returned, as JSON (a stub when it is not JSON), or null
 * @param error why the run failed, or null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"task_name", "params", "result", "error"})
public record TaskResult(
        @JsonProperty(value = "task_name", required = true) String taskName,
        @JsonProperty("params") ObjectNode params,
        @JsonProperty("result") JsonNode result,
        @JsonProperty("error") Error error) {

    /** The kind of task-run artifacts; their data has no {@code type} key. */
    public static final ArtifactKind<TaskResult> KIND = new ArtifactKind<>(null, TaskResult.class);

    /**
     * Why a task run failed.
     *
     * @param type the exception's simple class name
     * @param message its message, or null
     * @param traceback its stack trace
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"type", "message", "traceback"})
    public record Error(
            @JsonProperty("type") String type,
            @JsonProperty("message") String message,
            @JsonProperty("traceback") String traceback) {}
}
