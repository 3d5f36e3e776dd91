package org.chapkit.config.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.chapkit.config.ConfigDiff;
import org.chapkit.config.ConfigIn;
import org.chapkit.config.ConfigManager;
import org.chapkit.config.ConfigOut;
import org.chapkit.config.ConfigVersion;
import org.chapkit.config.StoredConfig;
import org.chapkit.contract.ContractGeneration;
import org.chapkit.crud.CollectionStats;
import org.chapkit.crud.EntityVersions;
import org.chapkit.crud.PageLimits;
import org.chapkit.problem.FieldError;
import org.chapkit.problem.ValidationFailedException;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/configs}: chapkit's config CRUD of the service's default config type, {@code $schema} and {@code $stats}. Responses for one config carry
 * an {@code ETag}; send it back in {@code If-Match} to have a concurrent change answered with 409 instead of
 * overwritten.
 */
@RestController
@RequestMapping(path = "/api/v1/configs", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Config")
public class ConfigController {

    private final ConfigManager<?> configs;
    private final ContractGeneration contract;
    private final PageLimits pages;

    /** A controller speaking the default contract generation. */
    public ConfigController(ConfigManager<?> configs) {
        this(configs, ContractGeneration.DEFAULT);
    }

    /**
     * @param configs the config manager
     * @param contract decides what POST does with an existing id and how PUT reads its body
     */
    public ConfigController(ConfigManager<?> configs, ContractGeneration contract) {
        this(configs, contract, PageLimits.DEFAULT);
    }

    /**
     * @param configs the config manager
     * @param contract decides what POST does with an existing id and how PUT reads its body
     * @param pages the largest page a list may ask for
     */
    public ConfigController(ConfigManager<?> configs, ContractGeneration contract, PageLimits pages) {
        this.configs = configs;
        this.contract = contract;
        this.pages = pages;
    }

    /**
     * Creates a config. A body naming an existing id updates it in contract generation 1, and is refused with 409
     * in generation 2.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Create a config (generation 1: upsert when id is given; generation 2: 409 for an existing id)")
    @ApiResponse(responseCode = "201", description = "Created")
    public ResponseEntity<ConfigOut> create(
            @RequestBody ConfigIn in,
            @Parameter(description = "ETag the config must still have when id names an existing config")
                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                    String ifMatch) {
        ConfigManager.Saved saved = configs.save(in, contract.creates(), EntityVersions.parseIfMatch(ifMatch));
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
                .path("/{id}")
                .buildAndExpand(saved.config().id())
                .toUri();
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(location)
                .eTag(EntityVersions.etag(saved.config().version()))
                .body(ConfigOut.of(saved.config()));
    }

    /** Every config, or one page when both {@code page} and {@code size} are given. */
    @GetMapping
    @Operation(summary = "List configs (paginated when page and size are both given)")
    @ApiResponse(
            responseCode = "200",
            description = "A bare array; {items, total, page, size, pages} when page and size are given",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = ConfigOut.class))))
    public Object list(
            @Parameter(description = "1-based page number") @RequestParam(required = false) Integer page,
            @Parameter(description = PageLimits.SIZE_PARAMETER) @RequestParam(required = false) Integer size) {
        return pages.of(page, size)
                .<Object>map(request -> configs.findPage(request).map(ConfigOut::of))
                .orElseGet(() -> configs.findAll().stream().map(ConfigOut::of).toList());
    }

    /** JSON Schema of the service's config data. */
    @GetMapping("/$schema")
    @Operation(summary = "JSON Schema of the config data")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(type = "object")))
    public ObjectNode schema() {
        return configs.type().schema();
    }

    /** Number of configs. */
    @GetMapping("/$stats")
    @Operation(summary = "Collection statistics")
    public CollectionStats stats() {
        return new CollectionStats(configs.count());
    }

    /** One config. */
    @GetMapping("/{id}")
    @Operation(summary = "Get a config")
    public ResponseEntity<ConfigOut> get(@PathVariable String id) {
        StoredConfig config = configs.get(id);
        return ResponseEntity.ok().eTag(EntityVersions.etag(config.version())).body(ConfigOut.of(config));
    }

    /**
     * Updates a config: generation 1 replaces name and data (and tags when given); generation 2 applies exactly the
     * fields sent.
     */
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Update a config")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = ConfigIn.class)))
    public ResponseEntity<ConfigOut> update(
            @PathVariable String id,
            @RequestBody ObjectNode body,
            @Parameter(
                            description =
                                    "ETag the config must still have; 409 (generation 1) or 412 (generation 2) otherwise")
                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                    String ifMatch) {
        StoredConfig config = configs.update(id, body, contract.updates(), EntityVersions.parseIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(EntityVersions.etag(config.version())).body(ConfigOut.of(config));
    }

    /** The config's versions, oldest first. */
    @GetMapping("/{id}/versions")
    @Operation(summary = "List a config's versions (each create and update keeps one), oldest first")
    public List<ConfigVersion> versions(@PathVariable String id) {
        return configs.versions(id);
    }

    /** One version of the config. */
    @GetMapping("/{id}/versions/{version}")
    @Operation(summary = "Get one version of a config")
    public ConfigVersion version(@PathVariable String id, @PathVariable long version) {
        return configs.version(id, version);
    }

    /** What changed between two versions of the config. */
    @GetMapping("/{id}/$diff")
    @Operation(summary = "What changed between two versions of a config (to: default the current version)")
    public ConfigDiff diff(
            @PathVariable String id,
            @RequestParam(name = "from") long from,
            @RequestParam(name = "to", required = false) Long to) {
        return configs.diff(id, from, to);
    }

    /**
     * Body of {@code $rollback}.
     *
     * @param version the version to restore
     */
    public record RollbackRequest(@JsonProperty("version") Long version) {}

    /** Rolls the config back to an earlier version, as a new version. */
    @PostMapping(path = "/{id}/$rollback", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Roll a config back to an earlier version (as a new version)")
    public ResponseEntity<ConfigOut> rollback(
            @PathVariable String id,
            @RequestBody RollbackRequest request,
            @Parameter(description = "ETag the config must still have")
                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                    String ifMatch) {
        if (request.version() == null) {
            throw ValidationFailedException.invalid(new FieldError("version", "is required"));
        }
        StoredConfig config = configs.rollback(id, request.version(), EntityVersions.parseIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(EntityVersions.etag(config.version())).body(ConfigOut.of(config));
    }

    /** Deletes a config and every artifact tree linked to it. */
    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a config and its linked artifact trees")
    @ApiResponse(responseCode = "204", description = "Deleted")
    public ResponseEntity<Void> delete(
            @PathVariable String id,
            @Parameter(description = "ETag the config must still have; 409 otherwise")
                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                    String ifMatch) {
        configs.delete(id, EntityVersions.parseIfMatch(ifMatch));
        return ResponseEntity.noContent().build();
    }
}
