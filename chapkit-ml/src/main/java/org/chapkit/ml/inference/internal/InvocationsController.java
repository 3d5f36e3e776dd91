package org.chapkit.ml.inference.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.inference.SyncPredictor;
import org.chapkit.ml.registry.ModelNotFoundException;
import org.chapkit.ml.registry.ModelRegistryConflictException;
import org.chapkit.ml.registry.ModelSelector;
import org.chapkit.problem.ChapkitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * MLflow's scoring protocol: {@code POST /invocations} with exactly one of {@code dataframe_split} and
 * {@code dataframe_records} (the frame to predict, chapkit's {@code future}), answered with
 * {@code {"predictions": [records]}}; {@code GET /ping}. The model is the service's model (its latest active
 * version) unless the query parameters {@code model}, {@code version} or {@code alias} say otherwise; an optional
 * {@code historic} key (split orientation) supplies the history. Errors are MLflow's
 * {@code {"error_code": …, "message": …}}.
 */
@RestController
@Tag(name = "Inference")
public class InvocationsController {

    private static final Set<String> INPUTS = Set.of("dataframe_split", "dataframe_records", "inputs", "instances");

    private final SyncPredictor predictor;
    private final InferenceFrames frames;

    /**
     * Creates the controller.
     *
     * @param predictor the synchronous predictor
     * @param mapper the application's mapper (reads frames as {@code $predict} does)
     */
    public InvocationsController(SyncPredictor predictor, JsonMapper mapper) {
        this.predictor = Objects.requireNonNull(predictor, "predictor");
        this.frames = new InferenceFrames(mapper);
    }

    /**
     * MLflow's error body.
     *
     * @param errorCode {@code BAD_REQUEST}, {@code RESOURCE_DOES_NOT_EXIST}, {@code INVALID_STATE}
     * @param message what went wrong
     */
    public record Error(
            @JsonProperty("error_code") String errorCode,
            @JsonProperty("message") String message) {}

    /**
     * Liveness, as MLflow's scoring server answers it.
     *
     * @return 200
     */
    @GetMapping("/ping")
    @Operation(summary = "MLflow scoring: ping")
    public ResponseEntity<String> ping() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body("\n");
    }

    /**
     * Predicts.
     *
     * @param body the scoring request
     * @param model the model (default: the service's)
     * @param version a version number
     * @param alias an alias
     * @param routingKey keys the model's A/B routing
     * @return {@code {"predictions": [records]}}
     * @throws Exception when the model fails
     */
    @PostMapping(path = "/invocations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "MLflow scoring: invocations")
    public Map<String, Object> invocations(
            @RequestBody JsonNode body,
            @RequestParam(name = "model", required = false) String model,
            @RequestParam(name = "version", required = false) Integer version,
            @RequestParam(name = "alias", required = false) String alias,
            @RequestParam(name = "routing_key", required = false) String routingKey)
            throws Exception {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("The input must be a JSON dictionary");
        }
        List<String> given = new ArrayList<>();
        body.propertyNames().forEach(name -> {
            if (INPUTS.contains(name)) {
                given.add(name);
            }
        });
        if (given.size() != 1) {
            throw new IllegalArgumentException("The input must be a JSON dictionary with exactly one of the input"
                    + " fields {'dataframe_split', 'dataframe_records'}; received " + given);
        }
        DataFrame future = switch (given.get(0)) {
            case "dataframe_split" -> frames.fromSplit(body.get("dataframe_split"), "dataframe_split");
            case "dataframe_records" -> frames.fromRecords(body.get("dataframe_records"), "dataframe_records");
            default ->
                throw new IllegalArgumentException(
                        given.get(0) + " (tensor input) is not supported: use dataframe_split or dataframe_records");
        };
        DataFrame historic = body.has("historic") ? frames.fromSplit(body.get("historic"), "historic") : null;
        SyncPredictor.Prediction prediction = predictor.predict(
                new ModelSelector(model, version, alias), historic, future, null, routingKey, "invocations");
        List<Map<String, Object>> records = new ArrayList<>();
        DataFrame predictions = prediction.predictions();
        for (List<Object> row : predictions.rows()) {
            Map<String, Object> record = new LinkedHashMap<>();
            for (int i = 0; i < predictions.columns().size(); i++) {
                record.put(predictions.columns().get(i), row.get(i));
            }
            records.add(record);
        }
        return Map.of("predictions", records);
    }

    @ExceptionHandler(ModelNotFoundException.class)
    ResponseEntity<Error> notFound(ModelNotFoundException ex) {
        return error(
                HttpStatus.NOT_FOUND, "RESOURCE_DOES_NOT_EXIST", ex.getBody().getDetail());
    }

    @ExceptionHandler(ChapkitException.class)
    ResponseEntity<Error> chapkit(ChapkitException ex) {
        if (ex instanceof ModelRegistryConflictException) {
            return error(HttpStatus.CONFLICT, "INVALID_STATE", ex.getBody().getDetail());
        }
        return error(
                HttpStatus.valueOf(ex.getStatusCode().value()),
                "BAD_REQUEST",
                ex.getBody().getDetail());
    }

    @ExceptionHandler({
        IllegalArgumentException.class,
        HttpMessageNotReadableException.class,
        HttpMediaTypeNotSupportedException.class
    })
    ResponseEntity<Error> badRequest(Exception ex) {
        String message =
                ex instanceof HttpMessageNotReadableException ? "The request body is not valid JSON" : ex.getMessage();
        return error(HttpStatus.BAD_REQUEST, "BAD_REQUEST", message);
    }

    private static ResponseEntity<Error> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(new Error(code, message));
    }
}
