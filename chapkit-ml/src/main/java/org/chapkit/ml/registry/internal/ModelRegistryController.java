package org.chapkit.ml.registry.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.chapkit.ml.registry.AliasMove;
import org.chapkit.ml.registry.ModelNotFoundException;
import org.chapkit.ml.registry.ModelRegistry;
import org.chapkit.ml.registry.ModelVersion;
import org.chapkit.ml.registry.RegisteredModel;
import org.chapkit.ml.registry.RoutingRule;
import org.chapkit.problem.FieldError;
import org.chapkit.problem.ValidationFailedException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/models}: the registry's models, their versions with lineage, aliases (set, move, delete, history)
 * and archiving. Errors are problem+json: 404 for an unknown model, version or alias, 409 for a move the registry's
 * state forbids, 422 for bad names.
 */
@RestController
@RequestMapping("/api/v1/models")
@Tag(name = "Models")
public class ModelRegistryController {

    private final ModelRegistry registry;

    /**
     * Creates the controller.
     *
     * @param registry the registry
     */
    public ModelRegistryController(ModelRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Body of {@code PUT /api/v1/models/{name}/aliases/{alias}}.
     *
     * @param version the version the alias is to point at
     * @param expectedVersion when given, the version it must point at now ({@code 0}: must not exist yet)
     */
    public record AliasRequest(
            @JsonProperty("version") Integer version,
            @JsonProperty("expected_version") Integer expectedVersion) {}

    /**
     * Lists the models.
     *
     * @return every model
     */
    @GetMapping
    @Operation(summary = "List registered models")
    public List<RegisteredModel> models() {
        return registry.models();
    }

    /**
     * One model.
     *
     * @param name the model's name
     * @return the model
     */
    @GetMapping("/{name}")
    @Operation(summary = "Get a model with its aliases")
    public RegisteredModel model(@PathVariable String name) {
        return registry.model(name);
    }

    /**
     * A model's versions, newest first.
     *
     * @param name the model's name
     * @return the versions with lineage
     */
    @GetMapping("/{name}/versions")
    @Operation(summary = "List a model's versions with lineage")
    public List<ModelVersion> versions(@PathVariable String name) {
        return registry.versions(name);
    }

    /**
     * One version.
     *
     * @param name the model's name
     * @param version the version number
     * @return the version with lineage
     */
    @GetMapping("/{name}/versions/{version}")
    @Operation(summary = "Get a model version with lineage")
    public ModelVersion version(@PathVariable String name, @PathVariable int version) {
        return registry.version(name, version);
    }

    /**
     * Archives a version.
     *
     * @param name the model's name
     * @param version the version number
     * @return the archived version
     */
    @PostMapping("/{name}/versions/{version}/$archive")
    @Operation(summary = "Archive a model version", description = "409 while an alias points at it.")
    public ModelVersion archive(@PathVariable String name, @PathVariable int version) {
        return registry.archive(name, version);
    }

    /**
     * A model's aliases.
     *
     * @param name the model's name
     * @return each alias with its version
     */
    @GetMapping("/{name}/aliases")
    @Operation(summary = "List a model's aliases")
    public Map<String, Integer> aliases(@PathVariable String name) {
        return registry.model(name).aliases();
    }

    /**
     * Points an alias at a version.
     *
     * @param name the model's name
     * @param alias the alias
     * @param request the version, and optionally the expected current version
     * @return the recorded move
     */
    @PutMapping("/{name}/aliases/{alias}")
    @Operation(
            summary = "Set or move an alias",
            description = "Atomic; with expected_version, 409 when the alias moved since it was read.")
    public AliasMove setAlias(
            @PathVariable String name, @PathVariable String alias, @RequestBody AliasRequest request) {
        if (request.version() == null) {
            throw ValidationFailedException.invalid(new FieldError("version", "is required"));
        }
        return registry.setAlias(name, alias, request.version(), request.expectedVersion());
    }

    /**
     * Deletes an alias.
     *
     * @param name the model's name
     * @param alias the alias
     * @param expectedVersion when given, the version it must point at now
     * @return 204
     */
    @DeleteMapping("/{name}/aliases/{alias}")
    @Operation(summary = "Delete an alias")
    public ResponseEntity<Void> deleteAlias(
            @PathVariable String name,
            @PathVariable String alias,
            @RequestParam(name = "expected_version", required = false) Integer expectedVersion) {
        registry.deleteAlias(name, alias, expectedVersion);
        return ResponseEntity.noContent().build();
    }

    /**
     * A model's A/B routing rule.
     *
     * @param name the model's name
     * @return the rule; 404 when it has none
     */
    @GetMapping("/{name}/routing")
    @Operation(summary = "Get a model's A/B routing rule")
    public RoutingRule routing(@PathVariable String name) {
        return registry.routing(name)
                .orElseThrow(() -> new ModelNotFoundException("Model " + name + " has no routing rule"));
    }

    /**
     * Sets a model's A/B routing rule.
     *
     * @param name the model's name
     * @param rule splits by alias and weight, and an optional shadow alias
     * @return the rule
     */
    @PutMapping("/{name}/routing")
    @Operation(
            summary = "Set a model's A/B routing rule",
            description = "Requests naming the model without version or alias are split by weight;"
                    + " deterministic per routing_key. The shadow alias runs beside every routed $predict.")
    public RoutingRule setRouting(@PathVariable String name, @RequestBody RoutingRule rule) {
        return registry.setRouting(name, rule);
    }

    /**
     * Removes a model's A/B routing rule.
     *
     * @param name the model's name
     * @return 204
     */
    @DeleteMapping("/{name}/routing")
    @Operation(summary = "Remove a model's A/B routing rule")
    public ResponseEntity<Void> deleteRouting(@PathVariable String name) {
        if (!registry.deleteRouting(name)) {
            throw new ModelNotFoundException("Model " + name + " has no routing rule");
        }
        return ResponseEntity.noContent().build();
    }

    /**
     * The history of a model's alias moves, oldest first.
     *
     * @param name the model's name
     * @param alias only this alias, when given
     * @return the moves
     */
    @GetMapping("/{name}/alias-history")
    @Operation(summary = "History of a model's alias moves")
    public List<AliasMove> aliasHistory(
            @PathVariable String name, @RequestParam(name = "alias", required = false) String alias) {
        return registry.aliasHistory(name, alias);
    }
}
