package org.chapkit.security.key.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.chapkit.security.access.Role;
import org.chapkit.security.key.ApiKey;
import org.chapkit.time.UtcTimestamps;
import org.springframework.jdbc.core.simple.JdbcClient;

/** SQL access to {@code security_api_keys}. Only digests of secrets are written. */
public class ApiKeyStore {

    private static final String COLUMNS = "id, name, role, prefix, created_at, expires_at, revoked_at";

    private final JdbcClient jdbc;

    public ApiKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new key with the hex SHA-256 digest of its secret. */
    public void insert(ApiKey key, String keyHash) {
        jdbc.sql("INSERT INTO security_api_keys (" + COLUMNS + ", key_hash)"
                        + " VALUES (:id, :name, :role, :prefix, :created, :expires, NULL, :hash)")
                .param("id", key.id())
                .param("name", key.name())
                .param("role", key.role().wireName())
                .param("prefix", key.prefix())
                .param("created", UtcTimestamps.column(key.createdAt()))
                .param("expires", UtcTimestamps.column(key.expiresAt()))
                .param("hash", keyHash)
                .update();
    }

    /** Every key, newest first. */
    public List<ApiKey> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM security_api_keys ORDER BY created_at DESC, id DESC")
                .query(ApiKeyStore::map)
                .list();
    }

    /** The key with {@code id}. */
    public Optional<ApiKey> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM security_api_keys WHERE id = :id")
                .param("id", id)
                .query(ApiKeyStore::map)
                .optional();
    }

    /** The key whose secret has the digest {@code keyHash}. */
    public Optional<ApiKey> findByHash(String keyHash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM security_api_keys WHERE key_hash = :hash")
                .param("hash", keyHash)
                .query(ApiKeyStore::map)
                .optional();
    }

    /** Marks the key revoked at {@code now} unless it already is; false when there is no such key. */
    public boolean revoke(String id, Instant now) {
        jdbc.sql("UPDATE security_api_keys SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .param("now", UtcTimestamps.column(now))
                .param("id", id)
                .update();
        return find(id).isPresent();
    }

    private static ApiKey map(ResultSet rs, int row) throws SQLException {
        return new ApiKey(
                rs.getString("id"),
                rs.getString("name"),
                Role.fromName(rs.getString("role")).orElse(Role.VIEWER),
                rs.getString("prefix"),
                UtcTimestamps.read(rs, "created_at"),
                UtcTimestamps.read(rs, "expires_at"),
                UtcTimestamps.read(rs, "revoked_at"));
    }
}
