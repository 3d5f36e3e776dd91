package org.chapkit.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * Body of {@code POST /api/v1/tasks/{name}/$execute}.
 *
 * @param params the task's parameters by name; null or absent for none
 */
public record ExecuteTaskRequest(
        @JsonProperty("params")
        @Schema(description = "The task's params as a JSON object", implementation = Object.class)
        JsonNode params) {}
