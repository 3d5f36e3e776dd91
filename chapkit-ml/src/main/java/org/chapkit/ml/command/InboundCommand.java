package org.chapkit.ml.command;

import org.chapkit.ml.api.PredictRequest;
import org.chapkit.ml.api.TrainRequest;
import tools.jackson.databind.JsonNode;

/** A command read from a message: what the REST API's {@code $train}, {@code $predict} or task {@code $execute} takes. */
public sealed interface InboundCommand {

    /**
     * The command's name on the wire.
     *
     * @return {@code $train}, {@code $predict} or {@code $execute}
     */
    String name();

    /**
     * {@code POST /api/v1/ml/$train}.
     *
     * @param request the request body
     */
    record Train(TrainRequest request) implements InboundCommand {
        @Override
        public String name() {
            return "$train";
        }
    }

    /**
     * {@code POST /api/v1/ml/$predict}.
     *
     * @param request the request body
     */
    record Predict(PredictRequest request) implements InboundCommand {
        @Override
        public String name() {
            return "$predict";
        }
    }

    /**
     * {@code POST /api/v1/tasks/{task}/$execute}.
     *
     * @param task the task's name
     * @param params the task's params, or {@code null} for none
     */
    record ExecuteTask(String task, JsonNode params) implements InboundCommand {
        @Override
        public String name() {
            return "$execute";
        }
    }
}
