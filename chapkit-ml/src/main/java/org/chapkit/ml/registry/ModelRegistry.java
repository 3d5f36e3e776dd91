package org.chapkit.ml.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.chapkit.id.Ulids;
import org.chapkit.problem.FieldError;
import org.chapkit.problem.ValidationFailedException;
import org.chapkit.time.UtcTimestamps;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.ObjectMapper;

/**
 * The model registry: named models whose versions are successful training artifacts, numbered per model, each
 * with its {@link ModelLineage}; aliases ({@code champion}, {@code challenger}, any name) that point at versions
 * and move atomically, with the history of their moves.
 *
 * <p>Everything is read from and written to the database, so every instance of a service sees the same registry.
 * A version is registered in the transaction that stores its training artifact ({@link #register}); the model's
 * row lock numbers concurrent registrations and serialises alias moves, so two concurrent moves of an alias both
 * land, one after the other, and the history shows both with the second starting where the first ended. A caller
 * that must not overwrite a move it has not seen passes the version it expects the alias to point at
 * ({@code expected_version}); then one of two concurrent moves wins and the other gets a 409.
 */
public final class ModelRegistry {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final String defaultModel;
    private final ResolutionCache resolutions;

    /**
     * Creates the registry.
     *
     * @param jdbc the client of chapkit's tables (qualified with chapkit's schema, if any)
     * @param mapper the mapper lineage is stored with (chapkit's own)
     * @param transactions runs each change in one transaction (joining the caller's, if any)
     * @param clock the clock of the registry's timestamps
     * @param defaultModel the service's model: where trainings register and what {@code $predict} selects
     *     without a {@code model}
     */
    public ModelRegistry(
            JdbcClient jdbc,
            ObjectMapper mapper,
            TransactionOperations transactions,
            Clock clock,
            String defaultModel) {
        this(jdbc, mapper, transactions, clock, defaultModel, Duration.ZERO);
    }

    /**
     * Creates the registry with a resolution cache for {@link #routeCached}.
     *
     * @param jdbc the client of chapkit's tables (qualified with chapkit's schema, if any)
     * @param mapper the mapper lineage is stored with (chapkit's own)
     * @param transactions runs each change in one transaction (joining the caller's, if any)
     * @param clock the clock of the registry's timestamps
     * @param defaultModel the service's model: where trainings register and what {@code $predict} selects
     *     without a {@code model}
     * @param resolutionTtl how long {@link #routeCached} may answer from memory what a selection resolves to and a
     *     model's routing rule; changes made through this registry are seen at once, those of other instances after
     *     at most this long; {@link Duration#ZERO} reads the database every time
     */
    public ModelRegistry(
            JdbcClient jdbc,
            ObjectMapper mapper,
            TransactionOperations transactions,
            Clock clock,
            String defaultModel,
            Duration resolutionTtl) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.defaultModel = requireName(defaultModel, "model");
        this.resolutions = new ResolutionCache(resolutionTtl);
    }

    /**
     * The service's model.
     *
     * @return its name
     */
    public String defaultModel() {
        return defaultModel;
    }

    /**
     * Creates the model unless it exists (also when another instance creates it at the same time).
     *
     * @param name the model's name
     */
    public void ensureModel(String name) {
        requireName(name, "model");
        if (exists(name)) {
            return;
        }
        try {
            transactions.executeWithoutResult(status -> insertModel(name, 1));
        } catch (DataIntegrityViolationException raced) {
            // another instance created it first
        }
    }

    /**
     * Registers a successful training artifact as the next version of a model, in the caller's transaction (the one
     * that stores the artifact), creating the model when it is new.
     *
     * @param model the model's name
     * @param artifactId the stored training artifact's ULID
     * @param lineage where it came from
     * @return the new version
     */
    public ModelVersion register(String model, String artifactId, ModelLineage lineage) {
        requireName(model, "model");
        Objects.requireNonNull(lineage, "lineage");
        Ulids.requireValid(artifactId);
        return transactions.execute(status -> {
            resolutions.invalidateOnCommit();
            int version;
            int bumped = jdbc.sql("UPDATE ml_models SET next_version = next_version + 1 WHERE name = :name")
                    .param("name", model)
                    .update();
            if (bumped == 0) {
                insertModel(model, 2);
                version = 1;
            } else {
                version = jdbc.sql("SELECT next_version FROM ml_models WHERE name = :name")
                                .param("name", model)
                                .query(Integer.class)
                                .single()
                        - 1;
            }
            Instant now = UtcTimestamps.now(clock);
            jdbc.sql("INSERT INTO ml_model_versions (model, version, artifact_id, status, lineage, created_at)"
                            + " VALUES (:model, :version, :artifact, :status, :lineage, :created)")
                    .param("model", model)
                    .param("version", version)
                    .param("artifact", artifactId)
                    .param("status", ModelVersion.Status.ACTIVE.wire())
                    .param("lineage", mapper.writeValueAsString(lineage))
                    .param("created", UtcTimestamps.column(now))
                    .update();
            return new ModelVersion(
                    model, version, artifactId, ModelVersion.Status.ACTIVE, lineage, List.of(), now, null);
        });
    }

    /**
     * Every model, by name.
     *
     * @return the models
     */
    public List<RegisteredModel> models() {
        List<String> names = jdbc.sql("SELECT name FROM ml_models ORDER BY name")
                .query(String.class)
                .list();
        return names.stream().map(this::model).toList();
    }

    /**
     * One model.
     *
     * @param name the model's name
     * @return the model
     * @throws ModelNotFoundException when there is none of that name
     */
    public RegisteredModel model(String name) {
        Instant created = jdbc.sql("SELECT created_at FROM ml_models WHERE name = :name")
                .param("name", name)
                .query((rs, row) -> UtcTimestamps.read(rs, "created_at"))
                .optional()
                .orElseThrow(() -> new ModelNotFoundException("Model " + name + " not found"));
        Map<String, Object> counts = jdbc.sql(
                        "SELECT COUNT(*) AS n, MAX(version) AS latest FROM ml_model_versions WHERE model = :name")
                .param("name", name)
                .query()
                .singleRow();
        Number latest = (Number) counts.get("latest");
        return new RegisteredModel(
                name,
                latest == null ? null : latest.intValue(),
                ((Number) counts.get("n")).intValue(),
                aliases(name),
                created);
    }

    /**
     * A model's aliases.
     *
     * @param name the model's name
     * @return each alias with its version, by alias
     */
    public Map<String, Integer> aliases(String name) {
        Map<String, Integer> aliases = new LinkedHashMap<>();
        jdbc.sql("SELECT alias, version FROM ml_model_aliases WHERE model = :name ORDER BY alias")
                .param("name", name)
                .query((ResultSet rs) -> {
                    aliases.put(rs.getString("alias"), rs.getInt("version"));
                });
        return aliases;
    }

    /**
     * A model's versions, newest first.
     *
     * @param name the model's name
     * @return the versions
     * @throws ModelNotFoundException when there is no such model
     */
    public List<ModelVersion> versions(String name) {
        requireModel(name);
        Map<Integer, List<String>> aliases = aliasesByVersion(name);
        return jdbc.sql("SELECT model, version, artifact_id, status, lineage, created_at, archived_at"
                        + " FROM ml_model_versions WHERE model = :name ORDER BY version DESC")
                .param("name", name)
                .query((rs, row) -> version(rs, aliases))
                .list();
    }

    /**
     * One version.
     *
     * @param name the model's name
     * @param version the version number
     * @return the version
     * @throws ModelNotFoundException when there is no such model or version
     */
    public ModelVersion version(String name, int version) {
        requireModel(name);
        return findVersion(name, version)
                .orElseThrow(() -> new ModelNotFoundException("Model " + name + " has no version " + version));
    }

    /**
     * The version whose training artifact is {@code artifactId}, if it is registered.
     *
     * @param artifactId a training artifact's ULID
     * @return its version
     */
    public Optional<ModelVersion> versionOfArtifact(String artifactId) {
        return jdbc.sql("SELECT model, version FROM ml_model_versions WHERE artifact_id = :artifact")
                .param("artifact", artifactId)
                .query((rs, row) -> findVersion(rs.getString("model"), rs.getInt("version")))
                .optional()
                .flatMap(found -> found);
    }

    /**
     * The active version a selector names: its model's (default: the service's) version number, or its alias, or
     * else its latest active version.
     *
     * @param selector the selection
     * @return the version
     * @throws ValidationFailedException when both a version and an alias are given
     * @throws ModelNotFoundException when the model, version or alias does not exist
     * @throws ModelRegistryConflictException when the version is archived
     */
    public ModelVersion resolve(ModelSelector selector) {
        String name = selector.model() == null ? defaultModel : selector.model();
        if (selector.version() != null && selector.alias() != null) {
            throw ValidationFailedException.invalid(new FieldError("alias", "give either version or alias, not both"));
        }
        requireModel(name);
        ModelVersion found;
        if (selector.alias() != null) {
            Integer version = aliasTarget(name, selector.alias())
                    .orElseThrow(
                            () -> new ModelNotFoundException("Model " + name + " has no alias " + selector.alias()));
            found = version(name, version);
        } else if (selector.version() != null) {
            found = version(name, selector.version());
        } else {
            found = jdbc.sql("SELECT MAX(version) FROM ml_model_versions WHERE model = :name AND status = 'active'")
                    .param("name", name)
                    .query(Integer.class)
                    .optional()
                    .map(version -> version(name, version))
                    .orElseThrow(() -> new ModelNotFoundException("Model " + name + " has no active version"));
        }
        if (found.status() == ModelVersion.Status.ARCHIVED) {
            throw new ModelRegistryConflictException(
                    "Version " + found.version() + " of model " + name + " is archived; select an active version");
        }
        return found;
    }

    /**
     * Points an alias at a version, creating it or moving it, and records the move.
     *
     * @param name the model's name
     * @param alias the alias
     * @param version the version it is to point at
     * @param expectedVersion when not {@code null}, the version the alias must point at now ({@code 0}: the alias
     *     must not exist yet); otherwise the move fails with a 409
     * @return the recorded move
     * @throws ModelNotFoundException when the model or version does not exist
     * @throws ModelRegistryConflictException when the version is archived or the alias is not where expected
     */
    public AliasMove setAlias(String name, String alias, int version, Integer expectedVersion) {
        requireAlias(alias);
        return transactions.execute(status -> {
            resolutions.invalidateOnCommit();
            lockModel(name);
            ModelVersion target = version(name, version);
            if (target.status() == ModelVersion.Status.ARCHIVED) {
                throw new ModelRegistryConflictException("Version " + version + " of model " + name
                        + " is archived; an alias may point only at an active version");
            }
            Optional<Integer> current = aliasTarget(name, alias);
            requireExpected(name, alias, current, expectedVersion);
            Instant now = UtcTimestamps.now(clock);
            if (current.isPresent()) {
                jdbc.sql("UPDATE ml_model_aliases SET version = :version, updated_at = :now"
                                + " WHERE model = :model AND alias = :alias")
                        .param("version", version)
                        .param("now", UtcTimestamps.column(now))
                        .param("model", name)
                        .param("alias", alias)
                        .update();
            } else {
                jdbc.sql("INSERT INTO ml_model_aliases (model, alias, version, updated_at)"
                                + " VALUES (:model, :alias, :version, :now)")
                        .param("model", name)
                        .param("alias", alias)
                        .param("version", version)
                        .param("now", UtcTimestamps.column(now))
                        .update();
            }
            return recordMove(name, alias, current.orElse(null), version, now);
        });
    }

    /**
     * Deletes an alias and records the move.
     *
     * @param name the model's name
     * @param alias the alias
     * @param expectedVersion when not {@code null}, the version the alias must point at now
     * @return the recorded move ({@code to_version} null)
     * @throws ModelNotFoundException when the model or alias does not exist
     * @throws ModelRegistryConflictException when the alias is not where expected
     */
    public AliasMove deleteAlias(String name, String alias, Integer expectedVersion) {
        return transactions.execute(status -> {
            resolutions.invalidateOnCommit();
            lockModel(name);
            Optional<Integer> current = aliasTarget(name, alias);
            if (current.isEmpty()) {
                throw new ModelNotFoundException("Model " + name + " has no alias " + alias);
            }
            requireExpected(name, alias, current, expectedVersion);
            jdbc.sql("DELETE FROM ml_model_aliases WHERE model = :model AND alias = :alias")
                    .param("model", name)
                    .param("alias", alias)
                    .update();
            return recordMove(name, alias, current.get(), null, UtcTimestamps.now(clock));
        });
    }

    /**
     * The history of a model's alias moves, oldest first.
     *
     * @param name the model's name
     * @param alias only this alias's moves, or {@code null} for all
     * @return the moves
     * @throws ModelNotFoundException when there is no such model
     */
    public List<AliasMove> aliasHistory(String name, String alias) {
        requireModel(name);
        String sql = "SELECT id, model, alias, from_version, to_version, moved_at FROM ml_model_alias_moves"
                + " WHERE model = :model" + (alias == null ? "" : " AND alias = :alias") + " ORDER BY moved_at, id";
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("model", name);
        if (alias != null) {
            statement = statement.param("alias", alias);
        }
        return statement
                .query((rs, row) -> new AliasMove(
                        rs.getString("id"),
                        rs.getString("model"),
                        rs.getString("alias"),
                        nullableInt(rs, "from_version"),
                        nullableInt(rs, "to_version"),
                        UtcTimestamps.read(rs, "moved_at")))
                .list();
    }

    /**
     * Archives a version: it is kept, with its lineage and artifact, but no longer served.
     *
     * @param name the model's name
     * @param version the version number
     * @return the archived version (unchanged when it was archived already)
     * @throws ModelNotFoundException when the model or version does not exist
     * @throws ModelRegistryConflictException when an alias points at it
     */
    public ModelVersion archive(String name, int version) {
        return transactions.execute(status -> {
            resolutions.invalidateOnCommit();
            lockModel(name);
            ModelVersion found = version(name, version);
            if (!found.aliases().isEmpty()) {
                throw new ModelRegistryConflictException("Version " + version + " of model " + name
                        + " is the target of " + String.join(", ", found.aliases())
                        + "; move or delete those aliases first");
            }
            if (found.status() == ModelVersion.Status.ARCHIVED) {
                return found;
            }
            jdbc.sql("UPDATE ml_model_versions SET status = :status, archived_at = :now"
                            + " WHERE model = :model AND version = :version")
                    .param("status", ModelVersion.Status.ARCHIVED.wire())
                    .param("now", UtcTimestamps.column(UtcTimestamps.now(clock)))
                    .param("model", name)
                    .param("version", version)
                    .update();
            return version(name, version);
        });
    }

    /**
     * A model's routing rule.
     *
     * @param name the model's name
     * @return its rule, if it has one
     * @throws ModelNotFoundException when there is no such model
     */
    public Optional<RoutingRule> routing(String name) {
        requireModel(name);
        return jdbc.sql("SELECT rule FROM ml_model_routes WHERE model = :model")
                .param("model", name)
                .query(String.class)
                .optional()
                .map(rule -> mapper.readValue(rule, RoutingRule.class));
    }

    /**
     * Sets a model's routing rule; every alias it names must exist.
     *
     * @param name the model's name
     * @param rule the rule
     * @return the rule
     * @throws ModelNotFoundException when the model or an alias of the rule does not exist
     */
    public RoutingRule setRouting(String name, RoutingRule rule) {
        Objects.requireNonNull(rule, "rule");
        return transactions.execute(status -> {
            resolutions.invalidateOnCommit();
            lockModel(name);
            List<String> aliases = new ArrayList<>(
                    rule.splits().stream().map(RoutingRule.Split::alias).toList());
            if (rule.shadow() != null) {
                aliases.add(rule.shadow());
            }
            for (String alias : aliases) {
                if (aliasTarget(name, alias).isEmpty()) {
                    throw new ModelNotFoundException(
                            "Model " + name + " has no alias " + alias + "; set the alias before routing to it");
                }
            }
            jdbc.sql("DELETE FROM ml_model_routes WHERE model = :model")
                    .param("model", name)
                    .update();
            jdbc.sql("INSERT INTO ml_model_routes (model, rule, updated_at) VALUES (:model, :rule, :now)")
                    .param("model", name)
                    .param("rule", mapper.writeValueAsString(rule))
                    .param("now", UtcTimestamps.column(UtcTimestamps.now(clock)))
                    .update();
            return rule;
        });
    }

    /**
     * Removes a model's routing rule.
     *
     * @param name the model's name
     * @return whether it had one
     * @throws ModelNotFoundException when there is no such model
     */
    public boolean deleteRouting(String name) {
        requireModel(name);
        boolean deleted = jdbc.sql("DELETE FROM ml_model_routes WHERE model = :model")
                        .param("model", name)
                        .update()
                > 0;
        resolutions.invalidateOnCommit();
        return deleted;
    }

    /**
     * Where a request goes: a version number or alias as {@link #resolve} does; a bare model (or none: the service's)
     * through its routing rule when it has one (deterministic per {@code routingKey}), else its latest active
     * version.
     *
     * @param selector the selection
     * @param routingKey the routing key, or {@code null}
     * @return the answering version, and the shadow one if the rule has one
     * @throws ModelNotFoundException when the model, version or an alias does not exist
     * @throws ModelRegistryConflictException when the chosen version is archived
     */
    public RoutedVersion route(ModelSelector selector, String routingKey) {
        return route(selector, routingKey, this::resolve, this::routing);
    }

    /**
     * As {@link #route}, from the resolution cache: what a selection resolves to and a model's routing rule are read
     * from the database at most once per resolution TTL (the routing choice itself is made per call). The
     * registry's own changes (registrations, alias moves, archiving, routing rules) empty the cache when they
     * commit; another instance's are seen after at most the TTL. The synchronous inference endpoints route with
     * this; {@code $predict} reads the database every time.
     *
     * @param selector the selection
     * @param routingKey the routing key, or {@code null}
     * @return the answering version, and the shadow one if the rule has one
     * @throws ModelNotFoundException when the model, version or an alias does not exist (never cached)
     * @throws ModelRegistryConflictException when the chosen version is archived
     */
    public RoutedVersion routeCached(ModelSelector selector, String routingKey) {
        if (!resolutions.enabled()) {
            return route(selector, routingKey);
        }
        return route(
                selector,
                routingKey,
                s -> resolutions.get(
                        new ResolutionCache.Key(modelOf(s), s.version(), s.alias(), false), () -> resolve(s)),
                name -> resolutions.get(new ResolutionCache.Key(name, null, null, true), () -> routing(name)));
    }

    private RoutedVersion route(
            ModelSelector selector,
            String routingKey,
            Function<ModelSelector, ModelVersion> resolver,
            Function<String, Optional<RoutingRule>> rules) {
        if (selector.version() != null || selector.alias() != null) {
            return new RoutedVersion(resolver.apply(selector), selector.alias(), Optional.empty(), null);
        }
        String name = modelOf(selector);
        Optional<RoutingRule> rule = rules.apply(name);
        if (rule.isEmpty()) {
            return new RoutedVersion(resolver.apply(selector), null, Optional.empty(), null);
        }
        String alias = rule.get().choose(routingKey);
        ModelVersion chosen = resolver.apply(new ModelSelector(name, null, alias));
        String shadowAlias = rule.get().shadow();
        Optional<ModelVersion> shadow = shadowAlias == null
                ? Optional.empty()
                : Optional.of(resolver.apply(new ModelSelector(name, null, shadowAlias)))
                        .filter(version -> version.version() != chosen.version());
        return new RoutedVersion(chosen, alias, shadow, shadow.isPresent() ? shadowAlias : null);
    }

    private String modelOf(ModelSelector selector) {
        return selector.model() == null ? defaultModel : selector.model();
    }

    private void requireExpected(String name, String alias, Optional<Integer> current, Integer expected) {
        if (expected == null) {
            return;
        }
        int now = current.orElse(0);
        if (now != expected) {
            throw new ModelRegistryConflictException("Alias " + alias + " of model " + name + " points at "
                    + (current.isPresent() ? "version " + now : "nothing") + ", not at the expected_version "
                    + expected + "; read it again and retry");
        }
    }

    private AliasMove recordMove(String name, String alias, Integer from, Integer to, Instant now) {
        String id = Ulids.newUlid();
        jdbc.sql("INSERT INTO ml_model_alias_moves (id, model, alias, from_version, to_version, moved_at)"
                        + " VALUES (:id, :model, :alias, :from, :to, :now)")
                .param("id", id)
                .param("model", name)
                .param("alias", alias)
                .param("from", from)
                .param("to", to)
                .param("now", UtcTimestamps.column(now))
                .update();
        return new AliasMove(id, name, alias, from, to, now);
    }

    private void lockModel(String name) {
        jdbc.sql("SELECT name FROM ml_models WHERE name = :name FOR UPDATE")
                .param("name", name)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new ModelNotFoundException("Model " + name + " not found"));
    }

    private Optional<Integer> aliasTarget(String name, String alias) {
        return jdbc.sql("SELECT version FROM ml_model_aliases WHERE model = :model AND alias = :alias")
                .param("model", name)
                .param("alias", alias)
                .query(Integer.class)
                .optional();
    }

    private Optional<ModelVersion> findVersion(String name, int version) {
        Map<Integer, List<String>> aliases = aliasesByVersion(name);
        return jdbc.sql("SELECT model, version, artifact_id, status, lineage, created_at, archived_at"
                        + " FROM ml_model_versions WHERE model = :name AND version = :version")
                .param("name", name)
                .param("version", version)
                .query((rs, row) -> version(rs, aliases))
                .optional();
    }

    private Map<Integer, List<String>> aliasesByVersion(String name) {
        Map<Integer, List<String>> byVersion = new LinkedHashMap<>();
        aliases(name)
                .forEach((alias, version) -> byVersion
                        .computeIfAbsent(version, v -> new ArrayList<>())
                        .add(alias));
        return byVersion;
    }

    private ModelVersion version(ResultSet rs, Map<Integer, List<String>> aliases) throws SQLException {
        int version = rs.getInt("version");
        return new ModelVersion(
                rs.getString("model"),
                version,
                rs.getString("artifact_id"),
                ModelVersion.Status.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)),
                mapper.readValue(rs.getString("lineage"), ModelLineage.class),
                aliases.getOrDefault(version, List.of()),
                UtcTimestamps.read(rs, "created_at"),
                UtcTimestamps.read(rs, "archived_at"));
    }

    private void requireModel(String name) {
        if (!exists(name)) {
            throw new ModelNotFoundException("Model " + name + " not found");
        }
    }

    private boolean exists(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM ml_models WHERE name = :name")
                        .param("name", name)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private void insertModel(String name, int nextVersion) {
        jdbc.sql("INSERT INTO ml_models (name, next_version, created_at) VALUES (:name, :next, :created)")
                .param("name", name)
                .param("next", nextVersion)
                .param("created", UtcTimestamps.column(UtcTimestamps.now(clock)))
                .update();
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /**
     * Checks a model name as {@link #register} and the REST API take it.
     *
     * @param model the name
     * @return the name
     * @throws ValidationFailedException naming the field {@code model} when it is not 1-100 letters, digits, '.', '_'
     *     or '-' starting with a letter or digit
     */
    public static String requireModelName(String model) {
        return requireName(model, "model");
    }

    private static String requireName(String value, String field) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw ValidationFailedException.invalid(new FieldError(
                    field, "must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
        return value;
    }

    private static void requireAlias(String alias) {
        requireName(alias, "alias");
        if (DIGITS.matcher(alias).matches()) {
            throw ValidationFailedException.invalid(
                    new FieldError("alias", "must not be a number (numbers are versions), got '" + alias + "'"));
        }
    }
}
