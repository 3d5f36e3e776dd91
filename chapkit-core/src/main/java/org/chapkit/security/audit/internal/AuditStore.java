package org.chapkit.security.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.chapkit.crud.PageRequest;
import org.chapkit.crud.PageResponse;
import org.chapkit.security.access.Role;
import org.chapkit.security.audit.AuditEvent;
import org.chapkit.security.audit.AuditOutcome;
import org.chapkit.security.audit.AuditQuery;
import org.chapkit.time.UtcTimestamps;
import org.springframework.jdbc.core.simple.JdbcClient;

/** SQL access to {@code security_audit}. */
public class AuditStore {

    private static final String COLUMNS =
            "id, at, subject, key_prefix, role, method, path, resource_id, status, outcome, request_id";
    private static final int MAX_PATH = 2000;

    private final JdbcClient jdbc;

    public AuditStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends an event. */
    public void insert(AuditEvent event) {
        jdbc.sql("INSERT INTO security_audit (" + COLUMNS + ") VALUES (:id, :at, :subject, :prefix, :role, :method,"
                        + " :path, :resource, :status, :outcome, :request)")
                .param("id", event.id())
                .param("at", UtcTimestamps.column(event.at()))
                .param("subject", cut(event.subject(), 200))
                .param("prefix", event.keyPrefix())
                .param("role", event.role() == null ? null : event.role().wireName())
                .param("method", cut(event.method(), 16))
                .param("path", cut(event.path(), MAX_PATH))
                .param("resource", cut(event.resourceId(), 200))
                .param("status", event.status())
                .param("outcome", event.outcome().wireName())
                .param("request", cut(event.requestId(), 64))
                .update();
    }

    /** One page of the events matching {@code query}, newest first. */
    public PageResponse<AuditEvent> page(AuditQuery query, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (query.subject() != null) {
            conditions.add("subject = :subject");
            params.put("subject", query.subject());
        }
        if (query.outcome() != null) {
            conditions.add("outcome = :outcome");
            params.put("outcome", query.outcome().wireName());
        }
        if (query.method() != null) {
            conditions.add("method = :method");
            params.put("method", query.method().toUpperCase(Locale.ROOT));
        }
        if (query.pathPrefix() != null) {
            conditions.add("path LIKE :path ESCAPE '\\'");
            params.put("path", likePrefix(query.pathPrefix()));
        }
        if (query.since() != null) {
            conditions.add("at >= :since");
            params.put("since", UtcTimestamps.column(query.since()));
        }
        if (query.until() != null) {
            conditions.add("at < :until");
            params.put("until", UtcTimestamps.column(query.until()));
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        long total = jdbc.sql("SELECT COUNT(*) FROM security_audit" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<AuditEvent> items = jdbc.sql("SELECT " + COLUMNS + " FROM security_audit" + where
                        + " ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(AuditStore::map)
                .list();
        return PageResponse.of(items, total, page);
    }

    /** Deletes events older than {@code cutoff}; returns how many. */
    public int deleteBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM security_audit WHERE at < :cutoff")
                .param("cutoff", UtcTimestamps.column(cutoff))
                .update();
    }

    private static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static AuditEvent map(ResultSet rs, int row) throws SQLException {
        String role = rs.getString("role");
        return new AuditEvent(
                rs.getString("id"),
                UtcTimestamps.read(rs, "at"),
                rs.getString("subject"),
                rs.getString("key_prefix"),
                role == null ? null : Role.fromName(role).orElse(null),
                rs.getString("method"),
                rs.getString("path"),
                rs.getString("resource_id"),
                rs.getInt("status"),
                AuditOutcome.valueOf(rs.getString("outcome").toUpperCase(Locale.ROOT)),
                rs.getString("request_id"));
    }
}
