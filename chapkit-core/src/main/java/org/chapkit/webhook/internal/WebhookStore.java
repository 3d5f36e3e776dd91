package org.chapkit.webhook.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.chapkit.time.UtcTimestamps;
import org.chapkit.webhook.WebhookEndpoint;
import org.springframework.jdbc.core.simple.JdbcClient;

/** SQL access to {@code webhook_endpoints}. */
public final class WebhookStore {

    private static final String COLUMNS =
            "id, url, secret, types, enabled, max_attempts, timeout_ms, description, created_at, updated_at";

    private final JdbcClient jdbc;

    /**
     * @param jdbc a client whose statements are qualified with chapkit's schema
     */
    public WebhookStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An endpoint with its secret, as stored. */
    public record Stored(WebhookEndpoint endpoint, String secret) {}

    public void insert(WebhookEndpoint endpoint, String secret) {
        jdbc.sql("INSERT INTO webhook_endpoints (" + COLUMNS + ") VALUES (:id, :url, :secret, :types, :enabled,"
                        + " :maxAttempts, :timeout, :description, :created, :updated)")
                .param("id", endpoint.id())
                .param("url", endpoint.url())
                .param("secret", secret)
                .param("types", String.join(",", endpoint.types()))
                .param("enabled", endpoint.enabled())
                .param("maxAttempts", endpoint.maxAttempts())
                .param("timeout", endpoint.timeoutMillis())
                .param("description", endpoint.description())
                .param("created", UtcTimestamps.column(endpoint.createdAt()))
                .param("updated", UtcTimestamps.column(endpoint.updatedAt()))
                .update();
    }

    public boolean update(WebhookEndpoint endpoint, String secret) {
        return jdbc.sql("UPDATE webhook_endpoints SET url = :url, secret = :secret, types = :types, enabled ="
                                + " :enabled, max_attempts = :maxAttempts, timeout_ms = :timeout, description ="
                                + " :description, updated_at = :updated WHERE id = :id")
                        .param("id", endpoint.id())
                        .param("url", endpoint.url())
                        .param("secret", secret)
                        .param("types", String.join(",", endpoint.types()))
                        .param("enabled", endpoint.enabled())
                        .param("maxAttempts", endpoint.maxAttempts())
                        .param("timeout", endpoint.timeoutMillis())
                        .param("description", endpoint.description())
                        .param("updated", UtcTimestamps.column(endpoint.updatedAt()))
                        .update()
                == 1;
    }

    public boolean delete(String id) {
        return jdbc.sql("DELETE FROM webhook_endpoints WHERE id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    public Optional<Stored> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE id = :id")
                .param("id", id)
                .query(WebhookStore::map)
                .optional();
    }

    public List<Stored> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints ORDER BY created_at, id")
                .query(WebhookStore::map)
                .list();
    }

    private static Stored map(ResultSet rs, int row) throws SQLException {
        String types = rs.getString("types");
        WebhookEndpoint endpoint = new WebhookEndpoint(
                rs.getString("id"),
                rs.getString("url"),
                types == null || types.isBlank()
                        ? List.of()
                        : Arrays.stream(types.split(",")).toList(),
                rs.getBoolean("enabled"),
                rs.getInt("max_attempts"),
                rs.getLong("timeout_ms"),
                rs.getString("description"),
                UtcTimestamps.read(rs, "created_at"),
                UtcTimestamps.read(rs, "updated_at"));
        return new Stored(endpoint, rs.getString("secret"));
    }
}
