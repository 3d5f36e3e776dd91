package org.chapkit.ml.inference.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.chapkit.contract.ChapkitVersion;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.inference.SyncPredictor;
import org.chapkit.ml.registry.ModelNotFoundException;
import org.chapkit.ml.registry.ModelRegistryConflictException;
import org.chapkit.ml.registry.ModelSelector;
import org.chapkit.ml.registry.ModelVersion;
import org.chapkit.problem.ChapkitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * KServe's Open Inference Protocol V2 over REST: server health and metadata, model metadata and readiness, and
 * {@code infer} with tensor JSON, for the registry's models (a version in the path is a version number or an alias;
 * without one, the model's latest active version). Input tensors are the columns of the {@code future} frame (one
 * value per row; {@code time_period} and {@code location} as {@code BYTES}); tensors named {@code historic.<column>}
 * make up the {@code historic} frame; {@code parameters.routing_key} keys the model's A/B routing. Output tensors are
 * the prediction's columns. Errors are the protocol's
 * {@code {"error": "…"}}.
 */
@RestController
@Tag(name = "Inference")
public class OpenInferenceController {

    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");
    private static final String HISTORIC = "historic.";

    private final SyncPredictor predictor;
    private final InferenceFrames frames;

    /**
     * Creates the controller.
     *
     * @param predictor the synchronous predictor
     * @param mapper the application's mapper (reads frames as {@code $predict} does)
     */
    public OpenInferenceController(SyncPredictor predictor, JsonMapper mapper) {
        this.predictor = Objects.requireNonNull(predictor, "predictor");
        this.frames = new InferenceFrames(mapper);
    }

    /**
     * A tensor of a request or response.
     *
     * @param name its name (a column)
     * @param shape its shape ({@code [rows]})
     * @param datatype {@code BYTES}, {@code FP64}, {@code FP32}, {@code INT64}, {@code INT32}, {@code BOOL}, …
     * @param parameters optional parameters
     * @param data its values, flat or nested in row-major order
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Tensor(
            @JsonProperty("name") String name,
            @JsonProperty("shape") List<Long> shape,
            @JsonProperty("datatype") String datatype,
            @JsonProperty("parameters") Map<String, Object> parameters,
            @JsonProperty("data") JsonNode data) {}

    /**
     * A requested output.
     *
     * @param name the output tensor's name
     */
    public record RequestedOutput(@JsonProperty("name") String name) {}

    /**
     * An inference request.
     *
     * @param id an optional request id, echoed in the response
     * @param parameters optional parameters
     * @param inputs the input tensors
     * @param outputs the outputs wanted (all when absent)
     */
    public record InferRequest(
            @JsonProperty("id") String id,
            @JsonProperty("parameters") Map<String, Object> parameters,
            @JsonProperty("inputs") List<Tensor> inputs,
            @JsonProperty("outputs") List<RequestedOutput> outputs) {}

    /**
     * An inference response.
     *
     * @param modelName the model
     * @param modelVersion the version that answered
     * @param id the request's id
     * @param outputs the output tensors
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InferResponse(
            @JsonProperty("model_name") String modelName,
            @JsonProperty("model_version") String modelVersion,
            @JsonProperty("id") String id,
            @JsonProperty("outputs") List<Tensor> outputs) {}

    /**
     * Tensor metadata.
     *
     * @param name the tensor's name
     * @param datatype its type
     * @param shape its shape ({@code -1}: any length)
     */
    public record TensorMetadata(
            @JsonProperty("name") String name,
            @JsonProperty("datatype") String datatype,
            @JsonProperty("shape") List<Long> shape) {}

    /**
     * Model metadata.
     *
     * @param name the model
     * @param versions its active versions
     * @param platform {@code chapkit}
     * @param inputs the input tensors (the training data's columns)
     * @param outputs the output tensors known before predicting
     */
    public record ModelMetadata(
            @JsonProperty("name") String name,
            @JsonProperty("versions") List<String> versions,
            @JsonProperty("platform") String platform,
            @JsonProperty("inputs") List<TensorMetadata> inputs,
            @JsonProperty("outputs") List<TensorMetadata> outputs) {}

    /**
     * Server metadata.
     *
     * @param name {@code chapkit}
     * @param version chapkit for Java's version
     * @param extensions the protocol extensions supported (none)
     */
    public record ServerMetadata(
            @JsonProperty("name") String name,
            @JsonProperty("version") String version,
            @JsonProperty("extensions") List<String> extensions) {}

    /**
     * The protocol's error body.
     *
     * @param error what went wrong
     */
    public record Error(@JsonProperty("error") String error) {}

    /**
     * Server metadata.
     *
     * @return name, version, extensions
     */
    @GetMapping("/v2")
    @Operation(summary = "Open Inference Protocol: server metadata")
    public ServerMetadata server() {
        String version = ChapkitVersion.current();
        return new ServerMetadata("chapkit", version == null ? "unknown" : version, List.of());
    }

    /**
     * Liveness.
     *
     * @return {@code {"live": true}}
     */
    @GetMapping("/v2/health/live")
    @Operation(summary = "Open Inference Protocol: server live")
    public Map<String, Boolean> live() {
        return Map.of("live", true);
    }

    /**
     * Readiness: the registry answers.
     *
     * @return {@code {"ready": true}}
     */
    @GetMapping("/v2/health/ready")
    @Operation(summary = "Open Inference Protocol: server ready")
    public Map<String, Boolean> ready() {
        predictor.registry().models();
        return Map.of("ready", true);
    }

    /**
     * Model metadata of the latest active version.
     *
     * @param name the model
     * @return the metadata
     */
    @GetMapping("/v2/models/{name}")
    @Operation(summary = "Open Inference Protocol: model metadata")
    public ModelMetadata model(@PathVariable String name) {
        return metadata(name, null);
    }

    /**
     * Model metadata of a version.
     *
     * @param name the model
     * @param version a version number or alias
     * @return the metadata
     */
    @GetMapping("/v2/models/{name}/versions/{version}")
    @Operation(summary = "Open Inference Protocol: model version metadata")
    public ModelMetadata modelVersion(@PathVariable String name, @PathVariable String version) {
        return metadata(name, version);
    }

    /**
     * Model readiness: the latest active version loads.
     *
     * @param name the model
     * @return {@code {"name": …, "ready": true}}
     * @throws Exception when it cannot be loaded
     */
    @GetMapping("/v2/models/{name}/ready")
    @Operation(summary = "Open Inference Protocol: model ready")
    public Map<String, Object> modelReady(@PathVariable String name) throws Exception {
        return readiness(name, null);
    }

    /**
     * Model version readiness: the version loads.
     *
     * @param name the model
     * @param version a version number or alias
     * @return {@code {"name": …, "ready": true}}
     * @throws Exception when it cannot be loaded
     */
    @GetMapping("/v2/models/{name}/versions/{version}/ready")
    @Operation(summary = "Open Inference Protocol: model version ready")
    public Map<String, Object> modelVersionReady(@PathVariable String name, @PathVariable String version)
            throws Exception {
        return readiness(name, version);
    }

    /**
     * Inference with the latest active version.
     *
     * @param name the model
     * @param request the tensors
     * @return the output tensors
     * @throws Exception when the model fails
     */
    @PostMapping(path = "/v2/models/{name}/infer", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open Inference Protocol: infer")
    public InferResponse infer(@PathVariable String name, @RequestBody InferRequest request) throws Exception {
        return run(name, null, request);
    }

    /**
     * Inference with a version.
     *
     * @param name the model
     * @param version a version number or alias
     * @param request the tensors
     * @return the output tensors
     * @throws Exception when the model fails
     */
    @PostMapping(path = "/v2/models/{name}/versions/{version}/infer", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open Inference Protocol: infer with a version")
    public InferResponse inferVersion(
            @PathVariable String name, @PathVariable String version, @RequestBody InferRequest request)
            throws Exception {
        return run(name, version, request);
    }

    @ExceptionHandler(ModelNotFoundException.class)
    ResponseEntity<Error> notFound(ModelNotFoundException ex) {
        return error(HttpStatus.NOT_FOUND, ex.getBody().getDetail());
    }

    @ExceptionHandler(ChapkitException.class)
    ResponseEntity<Error> chapkit(ChapkitException ex) {
        HttpStatus status = ex instanceof ModelRegistryConflictException
                ? HttpStatus.CONFLICT
                : HttpStatus.valueOf(ex.getStatusCode().value());
        return error(status, ex.getBody().getDetail());
    }

    @ExceptionHandler({
        IllegalArgumentException.class,
        HttpMessageNotReadableException.class,
        HttpMediaTypeNotSupportedException.class
    })
    ResponseEntity<Error> badRequest(Exception ex) {
        String message = ex instanceof HttpMessageNotReadableException
                ? "The request body is not a valid inference request"
                : ex.getMessage();
        return error(HttpStatus.BAD_REQUEST, message);
    }

    private static ResponseEntity<Error> error(HttpStatus status, String message) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(new Error(message));
    }

    private InferResponse run(String name, String version, InferRequest request) throws Exception {
        if (request == null || request.inputs() == null || request.inputs().isEmpty()) {
            throw new IllegalArgumentException("inputs: at least one input tensor is required");
        }
        Map<String, List<JsonNode>> future = new LinkedHashMap<>();
        Map<String, List<JsonNode>> historic = new LinkedHashMap<>();
        for (Tensor input : request.inputs()) {
            if (input.name() == null || input.name().isBlank()) {
                throw new IllegalArgumentException("inputs: every tensor needs a name");
            }
            List<JsonNode> values = flatten(input);
            if (input.name().startsWith(HISTORIC)) {
                historic.put(input.name().substring(HISTORIC.length()), values);
            } else {
                future.put(input.name(), values);
            }
        }
        DataFrame futureFrame = frames.fromColumns(future, "inputs");
        DataFrame historicFrame = historic.isEmpty() ? null : frames.fromColumns(historic, "historic inputs");
        SyncPredictor.Prediction prediction =
                predictor.predict(selector(name, version), historicFrame, futureFrame, null, routingKey(request), "v2");
        return new InferResponse(
                name,
                Integer.toString(prediction.version().version()),
                request.id(),
                outputs(prediction.predictions(), request.outputs()));
    }

    private static String routingKey(InferRequest request) {
        Object key = request.parameters() == null ? null : request.parameters().get("routing_key");
        return key == null ? null : key.toString();
    }

    private static List<JsonNode> flatten(Tensor tensor) {
        if (tensor.data() == null || !tensor.data().isArray()) {
            throw new IllegalArgumentException("inputs: tensor " + tensor.name() + " needs a 'data' array");
        }
        List<JsonNode> values = new ArrayList<>();
        flatten(tensor.data(), values);
        if (tensor.shape() != null && !tensor.shape().isEmpty()) {
            long expected = tensor.shape().stream().reduce(1L, (a, b) -> a * b);
            if (expected != values.size()) {
                throw new IllegalArgumentException("inputs: tensor " + tensor.name() + " has shape " + tensor.shape()
                        + " but " + values.size() + " values");
            }
            if (tensor.shape().size() > 1 && tensor.shape().stream().skip(1).anyMatch(d -> d != 1)) {
                throw new IllegalArgumentException(
                        "inputs: tensor " + tensor.name() + " must be one column, shape [rows] or [rows, 1]");
            }
        }
        return values;
    }

    private static void flatten(JsonNode node, List<JsonNode> into) {
        if (node.isArray()) {
            node.forEach(child -> flatten(child, into));
        } else {
            into.add(node);
        }
    }

    private static List<Tensor> outputs(DataFrame predictions, List<RequestedOutput> wanted) {
        List<String> names = wanted == null || wanted.isEmpty()
                ? predictions.columns()
                : wanted.stream().map(RequestedOutput::name).toList();
        List<Tensor> outputs = new ArrayList<>();
        for (String column : names) {
            if (!predictions.columns().contains(column)) {
                throw new IllegalArgumentException(
                        "outputs: the prediction has no column " + column + "; it has " + predictions.columns());
            }
            List<Object> cells = predictions.column(column);
            boolean text = cells.stream().anyMatch(cell -> cell != null && !(cell instanceof Number));
            ArrayNode data = JsonNodeFactory.instance.arrayNode();
            for (Object cell : cells) {
                if (cell == null) {
                    data.addNull();
                } else if (text) {
                    data.add(cell.toString());
                } else {
                    data.add(((Number) cell).doubleValue());
                }
            }
            outputs.add(new Tensor(column, List.of((long) cells.size()), text ? "BYTES" : "FP64", null, data));
        }
        return outputs;
    }

    private ModelMetadata metadata(String name, String version) {
        ModelVersion selected = predictor.registry().resolve(selector(name, version));
        List<String> versions = predictor.registry().versions(name).stream()
                .filter(v -> v.status() == ModelVersion.Status.ACTIVE)
                .map(v -> Integer.toString(v.version()))
                .toList();
        List<TensorMetadata> inputs = new ArrayList<>();
        for (String column : selected.lineage().columnNames()) {
            boolean text = column.equals("time_period") || column.equals("location");
            inputs.add(new TensorMetadata(column, text ? "BYTES" : "FP64", List.of(-1L)));
        }
        List<TensorMetadata> outputs = List.of(
                new TensorMetadata("time_period", "BYTES", List.of(-1L)),
                new TensorMetadata("location", "BYTES", List.of(-1L)));
        return new ModelMetadata(name, versions, "chapkit", inputs, outputs);
    }

    private Map<String, Object> readiness(String name, String version) throws Exception {
        ModelVersion selected = predictor.registry().resolve(selector(name, version));
        predictor.load(selected);
        return Map.of("name", name, "ready", true);
    }

    private static ModelSelector selector(String name, String version) {
        if (version == null) {
            return new ModelSelector(name, null, null);
        }
        return NUMBER.matcher(version).matches()
                ? new ModelSelector(name, Integer.parseInt(version), null)
                : new ModelSelector(name, null, version);
    }
}
