package org.chapkit.config;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.chapkit.config.internal.ConfigRepository;
import org.chapkit.crud.CreateSemantics;
import org.chapkit.crud.EntityVersions;
import org.chapkit.crud.NonNullableFields;
import org.chapkit.crud.PageRequest;
import org.chapkit.crud.PageResponse;
import org.chapkit.crud.Tags;
import org.chapkit.crud.TextFields;
import org.chapkit.crud.UpdateSemantics;
import org.chapkit.event.EventPublisher;
import org.chapkit.id.Ulids;
import org.chapkit.problem.ConflictException;
import org.chapkit.problem.FieldError;
import org.chapkit.problem.IntegrityViolations;
import org.chapkit.problem.NotFoundException;
import org.chapkit.problem.ValidationFailedException;
import org.chapkit.time.UtcTimestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates, reads, updates and deletes configs, validating their data against the service's config record. The Java
 * API for other features: {@link #getTyped(String)} returns a config's data as the typed record.
 *
 * @param <T> the service's config record
 */
public class ConfigManager<T extends BaseConfig> {

    /** Fields a sent-fields update may leave out but not clear. */
    private static final NonNullableFields NON_NULLABLE = NonNullableFields.of("name", "tags", "data");

    private static final String ENTITY = "Config";

    private final ConfigType<T> type;
    private final ConfigRepository repository;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final JsonMapper mapper;
    private final List<ConfigDeletionHook> deletionHooks;
    private final EventPublisher events;

    /**
     * @param type the service's config type
     * @param repository the configs table
     * @param transactions runs each write in one transaction
     * @param clock source of entity timestamps
     * @param mapper converts typed records to JSON
     * @param deletionHooks run before a config is deleted, in the same transaction
     */
    public ConfigManager(
            ConfigType<T> type,
            ConfigRepository repository,
            TransactionOperations transactions,
            Clock clock,
            JsonMapper mapper,
            List<ConfigDeletionHook> deletionHooks) {
        this(type, repository, transactions, clock, mapper, deletionHooks, EventPublisher.NONE);
    }

    /**
     * @param type the service's config type
     * @param repository the configs table
     * @param transactions runs each write in one transaction
     * @param clock source of entity timestamps
     * @param mapper converts typed records to JSON
     * @param deletionHooks run before a config is deleted, in the same transaction
     * @param events where {@code org.chapkit.config.*} events go, in the transaction of each write
     */
    public ConfigManager(
            ConfigType<T> type,
            ConfigRepository repository,
            TransactionOperations transactions,
            Clock clock,
            JsonMapper mapper,
            List<ConfigDeletionHook> deletionHooks,
            EventPublisher events) {
        this.events = events;
        this.type = type;
        this.repository = repository;
        this.transactions = transactions;
        this.clock = clock;
        this.mapper = mapper;
        this.deletionHooks = List.copyOf(deletionHooks);
    }

    /** The config type this manager validates against (the service's default one, or an additional type). */
    public ConfigType<T> type() {
        return type;
    }

    /**
     * The name of the config type this manager serves: {@value ConfigTypes#DEFAULT_TYPE} for the service's default
     * type, served by {@code /api/v1/configs}, or an {@link AdditionalConfigType}'s name.
     *
     * @return the value of {@code configs.config_type} of this manager's configs
     */
    public String typeName() {
        return repository.configType();
    }

    /**
     * Where this type's configs are served: {@code /api/v1/configs} for the default type,
     * {@code /api/v1/config-types/{type}/configs} for the others.
     *
     * @return the collection's path
     */
    public String collectionPath() {
        return ConfigTypes.collectionPath(typeName());
    }

    /**
     * Creates a config, or updates it when {@code in.id()} names an existing one (chapkit's upsert).
     *
     * @param expectedVersion when present and the config exists, the version it must still have
     * @throws ValidationFailedException when name, tags or data are invalid; nothing is written
     */
    public Saved save(ConfigIn in, OptionalLong expectedVersion) {
        return save(in, CreateSemantics.UPSERT, expectedVersion);
    }

    /**
     * Creates a config; what happens when {@code in.id()} names an existing one depends on {@code semantics}:
     * {@link CreateSemantics#UPSERT} updates it, {@link CreateSemantics#CREATE_ONLY} refuses with 409.
     *
     * @param expectedVersion when present and the config exists, the version it must still have
     * @throws ValidationFailedException when name, tags or data are invalid; nothing is written
     * @throws ConflictException when the id exists and {@code semantics} is create-only
     */
    public Saved save(ConfigIn in, CreateSemantics semantics, OptionalLong expectedVersion) {
        String id = in.id() == null ? Ulids.newUlid() : Ulids.requireValid(in.id());
        String name = requireName(in.name());
        List<String> tags = Tags.requireValid(in.tags());
        JsonNode data = requireData(in.data());
        ConfigType.Bound<T> bound = type.bind(data);
        return transactions.execute(status -> {
            Instant now = now();
            Optional<StoredConfig> existing = in.id() == null ? Optional.empty() : repository.findByIdForUpdate(id);
            if (existing.isPresent() && semantics == CreateSemantics.CREATE_ONLY) {
                throw new ConflictException(
                                "Config " + id + " already exists; change it with PUT " + collectionPath() + "/" + id)
                        .withConstraint("configs_pkey");
            }
            if (existing.isEmpty() && in.id() != null) {
                Optional<String> otherType = repository.typeOf(id).filter(found -> !found.equals(typeName()));
                if (otherType.isPresent()) {
                    throw new ConflictException("Config " + id + " already exists as a config of type '"
                                    + otherType.get() + "'; a config keeps its type")
                            .withConstraint("configs_pkey");
                }
            }
            if (existing.isEmpty()) {
                StoredConfig created = new StoredConfig(id, name, tags, bound.data(), now, now, 1);
                try {
                    repository.insert(created);
                } catch (DuplicateKeyException ex) {
                    throw new ConflictException("Config " + id + " was created concurrently; retry", ex)
                            .withConstraint(IntegrityViolations.constraintOf(ex).orElse("configs_pkey"));
                }
                events.publish(new ConfigCreated(id, typeName(), name, created.version()));
                return new Saved(created, true);
            }
            StoredConfig current = existing.get();
            EntityVersions.check(ENTITY, id, current.version(), expectedVersion);
            StoredConfig updated =
                    new StoredConfig(id, name, tags, bound.data(), current.createdAt(), now, current.version() + 1);
            write(updated, current.version());
            events.publish(new ConfigUpdated(id, typeName(), name, updated.version()));
            return new Saved(updated, false);
        });
    }

    /**
     * Replaces the name and data of an existing config; its tags only when {@code in.tags()} is given.
     *
     * @throws NotFoundException when there is no such config
     * @throws org.chapkit.problem.ConflictException when it is no longer at {@code expectedVersion}
     */
    public StoredConfig update(String id, ConfigIn in, OptionalLong expectedVersion) {
        String configId = Ulids.requireValid(id);
        String name = requireName(in.name());
        List<String> tags = in.tags() == null ? null : Tags.requireValid(in.tags());
        ConfigType.Bound<T> bound = type.bind(requireData(in.data()));
        return apply(configId, name, tags, bound.data(), expectedVersion);
    }

    /**
     * Updates a config from a {@code PUT} body read with {@code semantics}: {@link UpdateSemantics#REPLACE} needs
     * {@code name} and {@code data} and changes tags only when sent; {@link UpdateSemantics#SENT_FIELDS} changes
     * exactly the fields present. The row is locked for the read-modify-write, so concurrent updates queue up instead
     * of overwriting each other.
     *
     * @throws NotFoundException when there is no such config
     * @throws ValidationFailedException when a field sent is invalid (or a required one missing); nothing is written
     * @throws org.chapkit.crud.VersionMismatchException when it is no longer at {@code expectedVersion}
     */
    public StoredConfig update(String id, ObjectNode body, UpdateSemantics semantics, OptionalLong expectedVersion) {
        String configId = Ulids.requireValid(id);
        if (semantics.requiresAllFields()) {
            return update(configId, readIn(body), expectedVersion);
        }
        NON_NULLABLE.requireNotNullIn(body);
        ConfigIn in = readIn(body);
        List<String> tags = body.has("tags") ? Tags.requireValid(in.tags()) : null;
        ObjectNode data = body.has("data") ? type.bind(requireData(in.data())).data() : null;
        return apply(configId, body.has("name") ? in.name() : null, tags, data, expectedVersion);
    }

    private StoredConfig apply(
            String configId, String name, List<String> tags, ObjectNode data, OptionalLong expectedVersion) {
        return transactions.execute(status -> {
            StoredConfig current = repository.findByIdForUpdate(configId).orElseThrow(() -> notFound(configId));
            EntityVersions.check(ENTITY, configId, current.version(), expectedVersion);
            StoredConfig updated = new StoredConfig(
                    configId,
                    name == null ? current.name() : name,
                    tags == null ? current.tags() : tags,
                    data == null ? current.data() : data,
                    current.createdAt(),
                    now(),
                    current.version() + 1);
            write(updated, current.version());
            events.publish(new ConfigUpdated(configId, typeName(), updated.name(), updated.version()));
            return updated;
        });
    }

    /**
     * Reads a request body as a {@link ConfigIn}.
     *
     * @throws ValidationFailedException when a field has the wrong JSON type
     */
    public ConfigIn readIn(ObjectNode body) {
        try {
            return mapper.treeToValue(body, ConfigIn.class);
        } catch (DatabindException ex) {
            throw ValidationFailedException.wrongType(ex);
        }
    }

    /** Creates a config from a typed record, for Java callers. */
    public Config<T> create(String name, T data, List<String> tags) {
        Saved saved = save(new ConfigIn(null, tags, name, mapper.valueToTree(data)), OptionalLong.empty());
        return typed(saved.config());
    }

    /** The config with {@code id}, if any. */
    public Optional<StoredConfig> find(String id) {
        return repository.findById(Ulids.requireValid(id));
    }

    /**
     * The config with {@code id}.
     *
     * @throws NotFoundException when there is none
     */
    public StoredConfig get(String id) {
        String configId = Ulids.requireValid(id);
        return repository.findById(configId).orElseThrow(() -> notFound(configId));
    }

    /**
     * The config with {@code id}, its data as the typed record.
     *
     * @throws NotFoundException when there is none
     */
    public Config<T> getTyped(String id) {
        return typed(get(id));
    }

    /** The config with {@code id} as the typed record, if any. */
    public Optional<Config<T>> findTyped(String id) {
        return find(id).map(this::typed);
    }

    /** Every config, in id (creation) order. */
    public List<StoredConfig> findAll() {
        return repository.findAll();
    }

    /** One page of configs, in id (creation) order. */
    public PageResponse<StoredConfig> findPage(PageRequest page) {
        return transactions.execute(
                status -> PageResponse.of(repository.findPage(page.offset(), page.size()), repository.count(), page));
    }

    /** Number of configs. */
    public long count() {
        return repository.count();
    }

    /** Whether a config with {@code id} exists. */
    public boolean exists(String id) {
        return find(id).isPresent();
    }

    /**
     * Deletes a config and, through the deletion hooks, the artifact trees linked to it.
     *
     * @throws NotFoundException when there is no such config
     */
    public void delete(String id, OptionalLong expectedVersion) {
        String configId = Ulids.requireValid(id);
        transactions.executeWithoutResult(status -> {
            StoredConfig current = get(configId);
            EntityVersions.check(ENTITY, configId, current.version(), expectedVersion);
            deletionHooks.forEach(hook -> hook.beforeDelete(configId));
            repository.delete(configId);
            events.publish(new ConfigDeleted(configId, typeName()));
        });
    }

    /**
     * Every kept version of a config, oldest first (each create and update keeps one).
     *
     * @param id the config's ULID
     * @return its versions
     * @throws NotFoundException when there is no such config
     */
    public List<ConfigVersion> versions(String id) {
        String configId = get(id).id();
        return repository.versions(configId);
    }

    /**
     * One kept version of a config.
     *
     * @param id the config's ULID
     * @param version the version
     * @return that version
     * @throws NotFoundException when there is no such config or version
     */
    public ConfigVersion version(String id, long version) {
        String configId = get(id).id();
        return repository
                .version(configId, version)
                .orElseThrow(() -> new NotFoundException("Config " + configId + " has no version " + version));
    }

    /**
     * What changed between two versions of a config.
     *
     * @param id the config's ULID
     * @param from the older version
     * @param to the newer version; {@code null} for the current one
     * @return the diff
     * @throws NotFoundException when there is no such config or version
     */
    public ConfigDiff diff(String id, long from, Long to) {
        StoredConfig current = get(id);
        return ConfigDiff.between(
                version(current.id(), from), version(current.id(), to == null ? current.version() : to), mapper);
    }

    /**
     * Rolls a config back to an earlier version: its name, tags and data become the current state again as a new
     * version (history is never rewritten). The data is validated against today's config schema.
     *
     * @param id the config's ULID
     * @param version the version to restore
     * @param expectedVersion the version the config must be at now, when given (If-Match)
     * @return the config at its new version
     * @throws NotFoundException when there is no such config or version
     * @throws ValidationFailedException when the old data no longer fits the config schema
     */
    public StoredConfig rollback(String id, long version, OptionalLong expectedVersion) {
        ConfigVersion restored = version(id, version);
        ObjectNode data = type.bind(restored.data()).data();
        return apply(restored.configId(), restored.name(), restored.tags(), data, expectedVersion);
    }

    private Config<T> typed(StoredConfig config) {
        return new Config<>(
                config.id(),
                config.name(),
                config.tags(),
                type.read(config.data()),
                config.createdAt(),
                config.updatedAt(),
                config.version());
    }

    private void write(StoredConfig updated, long expected) {
        if (!repository.update(updated, expected)) {
            long current =
                    repository.findById(updated.id()).map(StoredConfig::version).orElse(-1L);
            throw EntityVersions.stale(ENTITY, updated.id(), expected, current);
        }
    }

    private Instant now() {
        return UtcTimestamps.now(clock);
    }

    private static String requireName(String name) {
        if (name == null) {
            throw new ValidationFailedException(
                    "Config name is required", List.of(new FieldError("name", "is required")));
        }
        return TextFields.requireStorable("name", name, TextFields.MAX_NAME_LENGTH);
    }

    private static JsonNode requireData(JsonNode data) {
        if (data == null || data.isNull() || data.isMissingNode()) {
            throw new ValidationFailedException(
                    "Config data is required", List.of(new FieldError("data", "is required")));
        }
        return data;
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("Config with id " + id + " not found");
    }

    /**
     * The outcome of {@link #save}.
     *
     * @param config the stored config
     * @param created whether it was created (rather than updated)
     */
    public record Saved(StoredConfig config, boolean created) {}
}
