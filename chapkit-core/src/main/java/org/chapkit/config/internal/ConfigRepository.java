package org.chapkit.config.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.chapkit.config.ConfigTypes;
import org.chapkit.config.ConfigVersion;
import org.chapkit.config.StoredConfig;
import org.chapkit.time.UtcTimestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the {@code configs} rows of one config type ({@code configs.config_type}): every read, update and
 * delete sees only that type's rows. Rows are listed in id order, which is creation order for ULIDs.
 */
public class ConfigRepository {

    private static final String COLUMNS = "id, name, data, tags, version, created_at, updated_at";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper mapper;
    private final String configType;

    /**
     * The repository of the service's default config type.
     *
     * @param jdbc the database
     * @param mapper reads and writes the JSON columns
     */
    public ConfigRepository(JdbcClient jdbc, JsonMapper mapper) {
        this(jdbc, mapper, ConfigTypes.DEFAULT_TYPE);
    }

    /**
     * The repository of one config type.
     *
     * @param jdbc the database
     * @param mapper reads and writes the JSON columns
     * @param configType the value of {@code configs.config_type} this repository reads and writes
     */
    public ConfigRepository(JdbcClient jdbc, JsonMapper mapper, String configType) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.configType = configType;
    }

    /**
     * The config type whose rows this repository sees.
     *
     * @return the {@code configs.config_type} value
     */
    public String configType() {
        return configType;
    }

    /**
     * The config type of the config with {@code id}, whatever type this repository is for.
     *
     * @param id the config's ULID
     * @return its type, empty when there is no such config
     */
    public Optional<String> typeOf(String id) {
        return jdbc.sql("SELECT config_type FROM configs WHERE id = ?")
                .param(id)
                .query(String.class)
                .optional();
    }

    /** Inserts a new row. */
    public void insert(StoredConfig config) {
        jdbc.sql("INSERT INTO configs (" + COLUMNS + ", config_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        config.id(),
                        config.name(),
                        mapper.writeValueAsString(config.data()),
                        mapper.writeValueAsString(config.tags()),
                        config.version(),
                        UtcTimestamps.column(config.createdAt()),
                        UtcTimestamps.column(config.updatedAt()),
                        configType)
                .update();
        recordVersion(config);
    }

    /** Overwrites a row if it is still at {@code expectedVersion}; false when it is not (or gone). */
    public boolean update(StoredConfig config, long expectedVersion) {
        boolean updated = jdbc.sql("UPDATE configs SET name = ?, data = ?, tags = ?, version = ?, updated_at = ? "
                                + "WHERE id = ? AND version = ? AND config_type = ?")
                        .params(
                                config.name(),
                                mapper.writeValueAsString(config.data()),
                                mapper.writeValueAsString(config.tags()),
                                config.version(),
                                UtcTimestamps.column(config.updatedAt()),
                                config.id(),
                                expectedVersion,
                                configType)
                        .update()
                == 1;
        if (updated) {
            recordVersion(config);
        }
        return updated;
    }

    /** Keeps the state a config has at its version, in the transaction that wrote it (issue 21). */
    private void recordVersion(StoredConfig config) {
        jdbc.sql("INSERT INTO config_versions (config_id, version, name, data, tags, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        config.id(),
                        config.version(),
                        config.name(),
                        mapper.writeValueAsString(config.data()),
                        mapper.writeValueAsString(config.tags()),
                        UtcTimestamps.column(config.updatedAt()))
                .update();
    }

    /** Every kept version of a config, oldest first. */
    public List<ConfigVersion> versions(String id) {
        return jdbc.sql("SELECT config_id, version, name, data, tags, created_at FROM config_versions"
                        + " WHERE config_id = ? ORDER BY version")
                .param(id)
                .query(this::mapVersion)
                .list();
    }

    /** One kept version of a config. */
    public Optional<ConfigVersion> version(String id, long version) {
        return jdbc.sql("SELECT config_id, version, name, data, tags, created_at FROM config_versions"
                        + " WHERE config_id = ? AND version = ?")
                .params(id, version)
                .query(this::mapVersion)
                .optional();
    }

    private ConfigVersion mapVersion(ResultSet rs, int row) throws SQLException {
        return new ConfigVersion(
                rs.getString("config_id"),
                rs.getLong("version"),
                rs.getString("name"),
                mapper.readValue(rs.getString("tags"), STRINGS),
                (ObjectNode) mapper.readTree(rs.getString("data")),
                UtcTimestamps.read(rs, "created_at"));
    }

    /** The config with {@code id}. */
    public Optional<StoredConfig> findById(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM configs WHERE id = ? AND config_type = ?")
                .params(id, configType)
                .query(this::map)
                .optional();
    }

    /** The config with {@code id}, its row locked until the transaction ends. */
    public Optional<StoredConfig> findByIdForUpdate(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM configs WHERE id = ? AND config_type = ? FOR UPDATE")
                .params(id, configType)
                .query(this::map)
                .optional();
    }

    /** Every config, in id order. */
    public List<StoredConfig> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM configs WHERE config_type = ? ORDER BY id")
                .param(configType)
                .query(this::map)
                .list();
    }

    /** A slice of the configs in id order. */
    public List<StoredConfig> findPage(long offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM configs WHERE config_type = ? ORDER BY id LIMIT ? OFFSET ?")
                .params(configType, limit, offset)
                .query(this::map)
                .list();
    }

    /** Number of configs. */
    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM configs WHERE config_type = ?")
                .param(configType)
                .query(Long.class)
                .single();
    }

    /** Deletes the row; false when there was none. */
    public boolean delete(String id) {
        return jdbc.sql("DELETE FROM configs WHERE id = ? AND config_type = ?")
                        .params(id, configType)
                        .update()
                == 1;
    }

    private StoredConfig map(ResultSet rs, int row) throws SQLException {
        return new StoredConfig(
                rs.getString("id"),
                rs.getString("name"),
                mapper.readValue(rs.getString("tags"), STRINGS),
                (ObjectNode) mapper.readTree(rs.getString("data")),
                UtcTimestamps.read(rs, "created_at"),
                UtcTimestamps.read(rs, "updated_at"),
                rs.getLong("version"));
    }
}
