package org.chapkit.artifact.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Optional;
import org.chapkit.artifact.ArtifactIn;
import org.chapkit.artifact.ArtifactManager;
import org.chapkit.artifact.ArtifactOut;
import org.chapkit.artifact.ArtifactTreeNode;
import org.chapkit.artifact.StoredArtifact;
import org.chapkit.config.ConfigManager;
import org.chapkit.config.ConfigOut;
import org.chapkit.contract.ContractGeneration;
import org.chapkit.crud.CollectionStats;
import org.chapkit.crud.EntityVersions;
import org.chapkit.crud.PageLimits;
import org.chapkit.problem.NotFoundException;
import org.chapkit.schema.JsonSchemaGenerator;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/artifacts}: chapkit's artifact CRUD, tree and link operations. Responses for one artifact carry an
 * {@code ETag}; send it back in {@code If-Match} to have a concurrent change answered with 409. Content transfer
 * ({@code $download}, {@code $export}, {@code $import}, {@code $content}, {@code $rows}) is
 * {@code ArtifactTransferController}'s.
 */
@RestController
@RequestMapping(path = "/api/v1/artifacts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Artifacts")
public class ArtifactController {

    /** pydantic's {@code ArtifactOut.model_json_schema()}, generated from {@link ArtifactOut}. */
    private static final ObjectNode SCHEMA =
            new JsonSchemaGenerator(JsonMapper.builder().build()).modelSchema(ArtifactOut.class);

    private final ArtifactManager artifacts;
    private final ConfigManager<?> configs;
    private final JsonMapper mapper;
    private final ContractGeneration contract;
    private final PageLimits pages;

    /**
     * @param artifacts the artifact manager
     * @param configs the config manager for {@code $config}, or null when configs are disabled
     * @param mapper builds the {@code $metadata} fallback
     * @param contract decides what POST does with an existing id and how PUT reads its body
     * @param pages the largest page a list may ask for
     */
    public ArtifactController(
            ArtifactManager artifacts,
            ConfigManager<?> configs,
            JsonMapper mapper,
            ContractGeneration contract,
            PageLimits pages) {
        this.artifacts = artifacts;
        this.configs = configs;
        this.mapper = mapper;
        this.contract = contract;
        this.pages = pages;
    }

    /**
     * Creates an artifact. A body naming an existing id updates it in contract generation 1, and is refused with 409
     * in generation 2.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary =
                    "Create an artifact (generation 1: upsert when id is given; generation 2: 409 for an existing id)")
    @ApiResponse(responseCode = "201", description = "Created")
    public ResponseEntity<ArtifactOut> create(
            @RequestBody ArtifactIn in,
            @Parameter(description = "ETag the artifact must still have when id names an existing one")
                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                    String ifMatch) {
        ArtifactManager.Saved saved = artifacts.save(in, contract.creates(), EntityVersions.parseIfMatch(ifMatch));
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
                .path("/{id}")
                .buildAndExpand(saved.artifact().id())
                .toUri();
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(location)
                .eTag(EntityVersions.etag(saved.artifact().version()))
                .body(artifacts.toOut(saved.artifact()));
    }
    /** Every artifact without {@code data.content}, or one page when both {@code page} and {@code size} are given. */
    @GetMapping
    @Operation(summary = "List artifacts without content (paginated when page and size are both given)")
    @ApiResponse(
            responseCode = "200",
            description = "A bare array; {items, total, page, size, pages} when page and size are given",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = ArtifactOut.class))))
    public Object list(
            @Parameter(description = "1-based page number") @RequestParam(required = false) Integer page,
            @Parameter(description = PageLimits.SIZE_PARAMETER) @RequestParam(required = false) Integer size) {
        return pages.of(page, size)
                .<Object>map(request -> artifacts.findPage(request).map(artifacts::toSummary))
                .orElseGet(() ->
                        artifacts.findAll().stream().map(artifacts::toSummary).toList());
    }
    /** JSON Schema of {@code ArtifactOut}. */
    @GetMapping("/$schema")
    @Operation(summary = "JSON Schema of an artifact")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(type = "object")))
    public ObjectNode schema() {
        return SCHEMA.deepCopy();
    }
    /** Number of artifacts. */
    @GetMapping("/$stats")
    @Operation(summary = "Collection statistics")
    public CollectionStats stats() {
        return new CollectionStats(artifacts.count());
    }
    /** One artifact, binary content shown as a {@code bytes} stub. */
    @GetMapping("/{id}")
    @Operation(summary = "Get an artifact")
    public ResponseEntity<ArtifactOut> get(@PathVariable String id) {
        StoredArtifact artifact = artifacts.get(id);
        return ResponseEntity.ok().eTag(EntityVersions.etag(artifact.version())).body(artifacts.toOut(artifact));
    }
    /** Replaces an artifact's data (and tags and parent when given); a new parent recomputes the subtree's levels. */
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Update an artifact")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = ArtifactIn.class)))
    public ResponseEntity<ArtifactOut> update(
            @PathVariable String id,
            @RequestBody ObjectNode body,
            @Parameter(description = "ETag the artifact must still have; 409 otherwise")
                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                    String ifMatch) {
        StoredArtifact artifact = artifacts.update(id, body, contract.updates(), EntityVersions.parseIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(EntityVersions.etag(artifact.version())).body(artifacts.toOut(artifact));
    }
    /** Deletes one artifact; its children become roots. */
    @DeleteMapping("/{id}")
    @Operation(summary = "Delete an artifact")
    @ApiResponse(responseCode = "204", description = "Deleted")
    public ResponseEntity<Void> delete(
            @PathVariable String id,
            @Parameter(description = "ETag the artifact must still have; 409 otherwise")
                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                    String ifMatch) {
        artifacts.delete(id, EntityVersions.parseIfMatch(ifMatch));
        return ResponseEntity.noContent().build();
    }
    /** The artifact with hierarchy labels and {@code children: null}. */
    @GetMapping("/{id}/$expand")
    @Operation(summary = "Artifact with hierarchy labels")
    public ArtifactTreeNode expand(@PathVariable String id) {
        return artifacts.expand(id);
    }
    /** The subtree rooted at the artifact, children nested, {@code content} left out. */
    @GetMapping("/{id}/$tree")
    @Operation(summary = "Artifact subtree")
    public ArtifactTreeNode tree(@PathVariable String id) {
        return artifacts.tree(id);
    }
    /** The config linked to the root of the artifact's tree. */
    @GetMapping("/{id}/$config")
    @Operation(summary = "Config linked to the artifact's root")
    public ConfigOut config(@PathVariable String id) {
        StoredArtifact artifact = artifacts.get(id);
        Optional<String> configId = configs == null ? Optional.empty() : artifacts.configOf(artifact.id());
        return configId.flatMap(configs::find)
                .map(ConfigOut::of)
                .orElseThrow(() -> new NotFoundException("No config linked to artifact " + artifact.id()));
    }
    /** {@code data.metadata}, or {@code {}}. */
    @GetMapping("/{id}/$metadata")
    @Operation(summary = "Artifact metadata")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(type = "object")))
    public JsonNode metadata(@PathVariable String id) {
        JsonNode data = artifacts.get(id).data();
        JsonNode metadata = data.isObject() ? data.get("metadata") : null;
        return metadata == null || metadata.isNull() ? mapper.createObjectNode() : metadata;
    }
}
