package org.chapkit.config.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.chapkit.config.ConfigVersion;
import org.chapkit.config.StoredConfig;
import org.chapkit.time.UtcTimestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reads and writes the {@code configs} table. Rows are listed in id order, which is creation order for ULIDs. */
public class ConfigRepository {

    private static final String COLUMNS = "id, name, data, tags, version, created_at, updated_at";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper mapper;

    public ConfigRepository(JdbcClient jdbc, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** Inserts a new row. */
    public void insert(StoredConfig config) {
        jdbc.sql("INSERT INTO configs (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        config.id(),
                        config.name(),
                        mapper.writeValueAsString(config.data()),
                        mapper.writeValueAsString(config.tags()),
                        config.version(),
                        UtcTimestamps.column(config.createdAt()),
                        UtcTimestamps.column(config.updatedAt()))
                .update();
        recordVersion(config);
    }

    /** Overwrites a row if it is still at {@code expectedVersion}; false when it is not (or gone). */
    public boolean update(StoredConfig config, long expectedVersion) {
        boolean updated = jdbc.sql("UPDATE configs SET name = ?, data = ?, tags = ?, version = ?, updated_at = ? "
                                + "WHERE id = ? AND version = ?")
                        .params(
                                config.name(),
                                mapper.writeValueAsString(config.data()),
                                mapper.writeValueAsString(config.tags()),
                                config.version(),
                                UtcTimestamps.column(config.updatedAt()),
                                config.id(),
                                expectedVersion)
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
        return jdbc.sql("SELECT " + COLUMNS + " FROM configs WHERE id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    /** The config with {@code id}, its row locked until the transaction ends. */
    public Optional<StoredConfig> findByIdForUpdate(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM configs WHERE id = ? FOR UPDATE")
                .param(id)
                .query(this::map)
                .optional();
    }

    /** Every config, in id order. */
    public List<StoredConfig> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM configs ORDER BY id")
                .query(this::map)
                .list();
    }

    /** A slice of the configs in id order. */
    public List<StoredConfig> findPage(long offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM configs ORDER BY id LIMIT ? OFFSET ?")
                .params(limit, offset)
                .query(this::map)
                .list();
    }

    /** Number of configs. */
    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM configs").query(Long.class).single();
    }

    /** Deletes the row; false when there was none. */
    public boolean delete(String id) {
        return jdbc.sql("DELETE FROM configs WHERE id = ?").param(id).update() == 1;
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
