package org.chapkit.db;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The schema of chapkit's tables. By default ({@link #DEFAULT}) they are in the connection's default schema and
 * chapkit's SQL is run as written; with a schema, every chapkit table name in a statement is qualified with it
 * ({@code FROM jobs} becomes {@code FROM chapkit.jobs}), so chapkit can share a database with an application whose
 * own tables — its own {@code jobs}, its own db-scheduler {@code scheduled_tasks} — keep their names.
 *
 * <p>Only the names in {@link #NAMES} are qualified, as whole words and not after a dot; every table that chapkit's
 * migrations create must be listed there (a test compares the list with the migrated schema).
 *
 * @param schema the schema, or {@code null} for the connection's default schema
 */
public record ChapkitTables(String schema) {

    /** chapkit's tables in the connection's default schema. */
    public static final ChapkitTables DEFAULT = new ChapkitTables(null);

    /** Every table that chapkit's migrations create, db-scheduler's {@code scheduled_tasks} included. */
    public static final List<String> NAMES = List.of(
            "artifact_content_chunks",
            "artifact_contents",
            "artifact_seals",
            "artifacts",
            "cluster_epoch",
            "cluster_leadership",
            "cluster_lock",
            "cluster_members",
            "config_artifacts",
            "config_versions",
            "configs",
            "event_dead_letters",
            "event_deliveries",
            "event_log_head",
            "event_subjects",
            "events",
            "inbound_messages",
            "job_attempts",
            "job_inputs",
            "job_run_log",
            "jobs",
            "ml_model_alias_moves",
            "ml_model_aliases",
            "ml_model_routes",
            "ml_model_versions",
            "ml_models",
            "registration_leases",
            "scheduled_tasks",
            "schedules",
            "security_api_keys",
            "security_audit",
            "security_rate_limit_buckets",
            "task_runs",
            "task_state",
            "webhook_endpoints");

    private static final Pattern TABLE = Pattern.compile("(?<![.\\w\"])(" + String.join("|", NAMES) + ")(?![\\w\"])");

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * Checks the schema name: a plain SQL identifier, since it is put into statements as it is.
     *
     * @throws IllegalArgumentException for anything else
     */
    public ChapkitTables {
        if (schema != null && schema.isBlank()) {
            schema = null;
        }
        if (schema != null && !IDENTIFIER.matcher(schema).matches()) {
            throw new IllegalArgumentException("The schema '" + schema
                    + "' must be a plain SQL identifier (letters, digits and '_', not starting with a digit)");
        }
    }

    /**
     * The tables in {@code schema}.
     *
     * @param schema the schema, or {@code null} / blank for the connection's default schema
     * @return the tables
     */
    public static ChapkitTables inSchema(String schema) {
        return schema == null || schema.isBlank() ? DEFAULT : new ChapkitTables(schema);
    }

    /**
     * One table's name as statements should use it.
     *
     * @param name a name of {@link #NAMES}
     * @return {@code schema.name}, or {@code name} in the default schema
     */
    public String table(String name) {
        return schema == null ? name : schema + "." + name;
    }

    /**
     * A statement with chapkit's table names qualified.
     *
     * @param sql a statement written with unqualified table names
     * @return the statement for this schema (the same string in the default schema)
     */
    public String qualify(String sql) {
        if (schema == null) {
            return sql;
        }
        return TABLE.matcher(sql).replaceAll(Matcher.quoteReplacement(schema) + ".$1");
    }

    /**
     * A client that qualifies every statement it is given.
     *
     * @param jdbc the application's client (its data source and transactions are used as they are)
     * @return {@code jdbc} itself in the default schema
     */
    public JdbcClient jdbc(JdbcClient jdbc) {
        Objects.requireNonNull(jdbc, "jdbc");
        if (schema == null) {
            return jdbc;
        }
        return sql -> jdbc.sql(qualify(sql));
    }
}
