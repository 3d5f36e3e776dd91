package org.chapkit.task;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.chapkit.time.UtcTimestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code task_state} table: every task name this database has seen, and whether it is enabled. A task without
 * a row is enabled.
 */
public class TaskStateStore implements TaskReferenceSource {

    private final JdbcClient jdbc;
    private final Clock clock;

    public TaskStateStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Enabled flags of all known task names. */
    public Map<String, Boolean> enabledByName() {
        Map<String, Boolean> states = new HashMap<>();
        jdbc.sql("SELECT name, enabled FROM task_state").query(rs -> {
            states.put(rs.getString("name"), rs.getBoolean("enabled"));
        });
        return states;
    }

    /** Whether the task named {@code name} is enabled (true when never disabled). */
    public boolean isEnabled(String name) {
        return jdbc.sql("SELECT enabled FROM task_state WHERE name = :name")
                .param("name", name)
                .query(Boolean.class)
                .optional()
                .orElse(true);
    }

    /** Enables or disables the task named {@code name}. */
    public void setEnabled(String name, boolean enabled) {
        OffsetDateTime now = now();
        String update = "UPDATE task_state SET enabled = :enabled, updated_at = :now WHERE name = :name";
        if (jdbc.sql(update)
                        .param("enabled", enabled)
                        .param("now", now)
                        .param("name", name)
                        .update()
                > 0) {
            return;
        }
        try {
            insert(name, enabled, now);
        } catch (DuplicateKeyException ex) {
            // Another instance inserted the row between our update and insert; update that row instead.
            jdbc.sql(update)
                    .param("enabled", enabled)
                    .param("now", now)
                    .param("name", name)
                    .update();
        }
    }

    /** Records that this application has code for {@code names} (start-up); new names start enabled. */
    public void markSeen(Collection<String> names) {
        OffsetDateTime now = now();
        for (String name : names) {
            int updated = jdbc.sql("UPDATE task_state SET last_seen_at = :now WHERE name = :name")
                    .param("now", now)
                    .param("name", name)
                    .update();
            if (updated == 0) {
                try {
                    insert(name, true, now);
                } catch (DuplicateKeyException ex) {
                    // Another instance starting at the same time recorded it.
                }
            }
        }
    }

    @Override
    public String sourceName() {
        return "task_state";
    }

    @Override
    public Set<String> referencedTaskNames() {
        return new HashSet<>(
                jdbc.sql("SELECT name FROM task_state").query(String.class).list());
    }

    @Override
    public int deleteReferences(String taskName) {
        return jdbc.sql("DELETE FROM task_state WHERE name = :name")
                .param("name", taskName)
                .update();
    }

    private void insert(String name, boolean enabled, OffsetDateTime now) {
        jdbc.sql("INSERT INTO task_state (name, enabled, first_seen_at, last_seen_at, updated_at)"
                        + " VALUES (:name, :enabled, :now, :now, :now)")
                .param("name", name)
                .param("enabled", enabled)
                .param("now", now)
                .update();
    }

    private OffsetDateTime now() {
        return UtcTimestamps.column(Instant.now(clock));
    }
}
