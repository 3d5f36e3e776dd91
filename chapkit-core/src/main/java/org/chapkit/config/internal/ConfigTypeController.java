package org.chapkit.config.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chapkit.config.ConfigDiff;
import org.chapkit.config.ConfigIn;
import org.chapkit.config.ConfigManager;
import org.chapkit.config.ConfigOut;
import org.chapkit.config.ConfigTypeOut;
import org.chapkit.config.ConfigTypes;
import org.chapkit.config.ConfigVersion;
import org.chapkit.contract.ContractGeneration;
import org.chapkit.crud.CollectionStats;
import org.chapkit.crud.PageLimits;
import org.springframework.http.HttpHeaders;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/config-types}: the service's config types with their schemas, and under
 * {@code /api/v1/config-types/{type}/configs} the whole config API of each type (the default type's too, which
 * {@code /api/v1/configs} also serves). Each type's requests are answered by a {@link ConfigController} of that type's
 * manager, so the semantics (contract generation, ETags, versions, rollback) are exactly those of
 * {@code /api/v1/configs}.
 */
@RestController
@RequestMapping(path = "/api/v1/config-types", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Config types")
public class ConfigTypeController {

    private static final String IF_MATCH = "ETag the config must still have";

    private final ConfigTypes types;
    private final Map<String, ConfigController> controllers = new LinkedHashMap<>();

    /**
     * @param types the service's config types
     * @param contract decides what POST does with an existing id and how PUT reads its body
     * @param pages the largest page a list may ask for
     */
    public ConfigTypeController(ConfigTypes types, ContractGeneration contract, PageLimits pages) {
        this.types = types;
        for (ConfigManager<?> manager : types.managers()) {
            controllers.put(manager.typeName(), new ConfigController(manager, contract, pages));
        }
    }

    /** Every config type, the default first, each with the JSON Schema of its data. */
    @GetMapping
    @Operation(summary = "List the service's config types with their schemas (the default type first)")
    @ApiResponse(
            responseCode = "200",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = ConfigTypeOut.class))))
    public List<ConfigTypeOut> list() {
        return types.managers().stream().map(ConfigTypeOut::of).toList();
    }

    /** One config type. */
    @GetMapping("/{type}")
    @Operation(summary = "Get a config type and its schema")
    public ConfigTypeOut get(@PathVariable String type) {
        return ConfigTypeOut.of(types.get(type));
    }

    /** Creates a config of the type. */
    @PostMapping(path = "/{type}/configs", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a config of a type (as POST /api/v1/configs)")
    @ApiResponse(responseCode = "201", description = "Created")
    public ResponseEntity<ConfigOut> create(
            @PathVariable String type,
            @RequestBody ConfigIn in,
            @Parameter(description = IF_MATCH) @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                    String ifMatch) {
        return of(type).create(in, ifMatch);
    }

    /** The type's configs, or one page when both {@code page} and {@code size} are given. */
    @GetMapping("/{type}/configs")
    @Operation(summary = "List the configs of a type (paginated when page and size are both given)")
    @ApiResponse(
            responseCode = "200",
            description = "A bare array; {items, total, page, size, pages} when page and size are given",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = ConfigOut.class))))
    public Object list(
            @PathVariable String type,
            @Parameter(description = "1-based page number") @RequestParam(required = false) Integer page,
            @Parameter(description = PageLimits.SIZE_PARAMETER) @RequestParam(required = false) Integer size) {
        return of(type).list(page, size);
    }

    /** JSON Schema of the type's config data. */
    @GetMapping("/{type}/configs/$schema")
    @Operation(summary = "JSON Schema of a config type's data")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(type = "object")))
    public ObjectNode schema(@PathVariable String type) {
        return of(type).schema();
    }

    /** Number of configs of the type. */
    @GetMapping("/{type}/configs/$stats")
    @Operation(summary = "Number of configs of a type")
    public CollectionStats stats(@PathVariable String type) {
        return of(type).stats();
    }

    /** One config of the type. */
    @GetMapping("/{type}/configs/{id}")
    @Operation(summary = "Get a config of a type")
    public ResponseEntity<ConfigOut> get(@PathVariable String type, @PathVariable String id) {
        return of(type).get(id);
    }

    /** Updates a config of the type (as {@code PUT /api/v1/configs/{id}}). */
    @PutMapping(path = "/{type}/configs/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Update a config of a type")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = ConfigIn.class)))
    public ResponseEntity<ConfigOut> update(
            @PathVariable String type,
            @PathVariable String id,
            @RequestBody ObjectNode body,
            @Parameter(description = IF_MATCH) @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                    String ifMatch) {
        return of(type).update(id, body, ifMatch);
    }

    /** Deletes a config of the type. */
    @DeleteMapping("/{type}/configs/{id}")
    @Operation(summary = "Delete a config of a type and its linked artifact trees")
    @ApiResponse(responseCode = "204", description = "Deleted")
    public ResponseEntity<Void> delete(
            @PathVariable String type,
            @PathVariable String id,
            @Parameter(description = IF_MATCH) @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                    String ifMatch) {
        return of(type).delete(id, ifMatch);
    }

    /** The versions of a config of the type, oldest first. */
    @GetMapping("/{type}/configs/{id}/versions")
    @Operation(summary = "List the versions of a config of a type, oldest first")
    public List<ConfigVersion> versions(@PathVariable String type, @PathVariable String id) {
        return of(type).versions(id);
    }

    /** One version of a config of the type. */
    @GetMapping("/{type}/configs/{id}/versions/{version}")
    @Operation(summary = "Get one version of a config of a type")
    public ConfigVersion version(@PathVariable String type, @PathVariable String id, @PathVariable long version) {
        return of(type).version(id, version);
    }

    /** What changed between two versions of a config of the type. */
    @GetMapping("/{type}/configs/{id}/$diff")
    @Operation(summary = "What changed between two versions of a config of a type (to: default the current version)")
    public ConfigDiff diff(
            @PathVariable String type,
            @PathVariable String id,
            @RequestParam(name = "from") long from,
            @RequestParam(name = "to", required = false) Long to) {
        return of(type).diff(id, from, to);
    }

    /** Rolls a config of the type back to an earlier version, as a new version. */
    @PostMapping(path = "/{type}/configs/{id}/$rollback", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Roll a config of a type back to an earlier version (as a new version)")
    public ResponseEntity<ConfigOut> rollback(
            @PathVariable String type,
            @PathVariable String id,
            @RequestBody ConfigController.RollbackRequest request,
            @Parameter(description = IF_MATCH) @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                    String ifMatch) {
        return of(type).rollback(id, request, ifMatch);
    }

    private ConfigController of(String type) {
        ConfigController controller = controllers.get(type);
        if (controller == null) {
            types.get(type); // throws the 404 naming the known types
        }
        return controller;
    }
}
