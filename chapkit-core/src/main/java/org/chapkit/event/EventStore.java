package org.chapkit.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.chapkit.db.ChapkitTables;
import org.chapkit.time.UtcTimestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

/**
 * SQL access to the event log ({@code events}, with its head and per-subject counters) and to the delivery state
 * ({@code event_deliveries}, {@code event_dead_letters}).
 */
final class EventStore {

    private static final String EVENT_COLUMNS = "position, id, type, source, subject, sequence, occurred_at, data";
    private static final String DELIVERY_COLUMNS = "destination, position, attempts, next_attempt_at, failing_since,"
            + " last_error, owner, lease_until, delivered, dead_lettered";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final ChapkitTables tables;
    private final ObjectMapper mapper;

    EventStore(DataSource dataSource, ChapkitTables tables, ObjectMapper mapper) {
        this.jdbc = tables.jdbc(JdbcClient.create(dataSource));
        this.batch = new JdbcTemplate(dataSource);
        this.tables = tables;
        this.mapper = mapper;
    }

    /** An event to append. */
    record Pending(String id, String type, String source, String subject, Instant time, String data) {}

    /** A destination's row of {@code event_deliveries}. */
    record Delivery(
            String destination,
            long position,
            int attempts,
            Instant nextAttemptAt,
            Instant failingSince,
            String lastError,
            String owner,
            Instant leaseUntil,
            long delivered,
            long deadLettered) {}

    /**
     * Appends events in the caller's transaction: inserts only, without a position or a sequence number, so appending
     * transactions never wait for each other (the {@code append_order} identity orders them). {@link #sequence(int)}
     * numbers them after they committed.
     */
    void append(List<Pending> events) {
        String sql = tables.qualify(
                "INSERT INTO events (id, type, source, subject, occurred_at, data) VALUES (?, ?, ?, ?, ?, ?)");
        if (events.size() == 1) {
            Pending event = events.getFirst();
            batch.update(
                    sql,
                    event.id(),
                    event.type(),
                    event.source(),
                    event.subject(),
                    UtcTimestamps.column(event.time()),
                    event.data());
            return;
        }
        batch.batchUpdate(sql, events, events.size(), (statement, event) -> {
            statement.setString(1, event.id());
            statement.setString(2, event.type());
            statement.setString(3, event.source());
            statement.setString(4, event.subject());
            statement.setObject(5, UtcTimestamps.column(event.time()));
            statement.setString(6, event.data());
        });
    }

    /** A committed event without a position yet. */
    private record Unsequenced(long appendOrder, String subject) {}

    /**
     * The sequencer's step, in the caller's transaction: takes the log's head row (one sequencer at a time, across
     * instances), then gives up to {@code limit} committed events without a position the next positions and their
     * subjects' next sequence numbers, in append order, and moves the head. Positions therefore commit in increasing
     * order: a reader that has seen position n never sees a smaller one appear later.
     *
     * @return how many events were numbered
     */
    int sequence(int limit) {
        long head = jdbc.sql("SELECT position FROM event_log_head WHERE id = 1 FOR UPDATE")
                .query(Long.class)
                .single();
        List<Unsequenced> pending = jdbc.sql("SELECT append_order, subject FROM events WHERE position IS NULL"
                        + " ORDER BY append_order LIMIT :limit")
                .param("limit", limit)
                .query((rs, row) -> new Unsequenced(rs.getLong("append_order"), rs.getString("subject")))
                .list();
        if (pending.isEmpty()) {
            return 0;
        }
        Map<String, Long> known = new HashMap<>();
        List<String> subjects =
                pending.stream().map(Unsequenced::subject).distinct().toList();
        jdbc.sql("SELECT subject, sequence FROM event_subjects WHERE subject IN (:subjects)")
                .param("subjects", subjects)
                .query(rs -> {
                    known.put(rs.getString("subject"), rs.getLong("sequence"));
                });
        Map<String, Long> last = new LinkedHashMap<>(known);
        List<long[]> numbered = new ArrayList<>(pending.size());
        long position = head;
        for (Unsequenced event : pending) {
            long sequence = last.merge(event.subject(), 1L, Long::sum);
            numbered.add(new long[] {++position, sequence, event.appendOrder()});
        }
        batch.batchUpdate(
                tables.qualify("UPDATE events SET position = ?, sequence = ? WHERE append_order = ?"),
                numbered,
                numbered.size(),
                (statement, values) -> {
                    statement.setLong(1, values[0]);
                    statement.setLong(2, values[1]);
                    statement.setLong(3, values[2]);
                });
        List<Map.Entry<String, Long>> updated = new ArrayList<>();
        List<Map.Entry<String, Long>> inserted = new ArrayList<>();
        last.entrySet().forEach(entry -> {
            if (!known.containsKey(entry.getKey())) {
                inserted.add(entry);
            } else if (!known.get(entry.getKey()).equals(entry.getValue())) {
                updated.add(entry);
            }
        });
        // Only the sequencer holding the head row writes event_subjects, so no other insert of a subject can race.
        subjectCounters("UPDATE event_subjects SET sequence = ? WHERE subject = ?", updated);
        subjectCounters("INSERT INTO event_subjects (sequence, subject) VALUES (?, ?)", inserted);
        jdbc.sql("UPDATE event_log_head SET position = :position WHERE id = 1")
                .param("position", position)
                .update();
        return pending.size();
    }

    private void subjectCounters(String sql, List<Map.Entry<String, Long>> counters) {
        if (counters.isEmpty()) {
            return;
        }
        batch.batchUpdate(tables.qualify(sql), counters, counters.size(), (statement, counter) -> {
            statement.setLong(1, counter.getValue());
            statement.setString(2, counter.getKey());
        });
    }

    /** The position of the last sequenced event (0 when none). */
    long head() {
        return jdbc.sql("SELECT position FROM event_log_head WHERE id = 1")
                .query(Long.class)
                .single();
    }

    /** Events after {@code after}, in log order, optionally only of {@code types} and {@code subject}. */
    List<EventEnvelope> read(long after, List<String> types, String subject, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + EVENT_COLUMNS + " FROM events WHERE position > :after");
        if (!types.isEmpty()) {
            sql.append(" AND type IN (:types)");
        }
        if (subject != null) {
            sql.append(" AND subject = :subject");
        }
        sql.append(" ORDER BY position LIMIT :limit");
        JdbcClient.StatementSpec statement =
                jdbc.sql(sql.toString()).param("after", after).param("limit", limit);
        if (!types.isEmpty()) {
            statement = statement.param("types", types);
        }
        if (subject != null) {
            statement = statement.param("subject", subject);
        }
        return statement.query(this::envelope).list();
    }

    Optional<EventEnvelope> event(long position) {
        return jdbc.sql("SELECT " + EVENT_COLUMNS + " FROM events WHERE position = :position")
                .param("position", position)
                .query(this::envelope)
                .optional();
    }

    /**
     * Deletes delivered events older than {@code cutoff}: none that a destination seen since {@code cutoff} has yet to
     * get. A destination no instance has leased since then (its module removed, say) no longer holds the log back.
     */
    int purge(Instant cutoff) {
        return jdbc.sql("DELETE FROM events WHERE occurred_at < :cutoff AND position <= COALESCE((SELECT"
                        + " MIN(position) FROM event_deliveries WHERE lease_until IS NULL OR lease_until >= :cutoff),"
                        + " (SELECT position FROM event_log_head WHERE id = 1))")
                .param("cutoff", UtcTimestamps.column(cutoff))
                .update();
    }

    /** Creates the delivery row of {@code destination} at the log's head, unless it has one. */
    void ensureDestination(String destination) {
        if (delivery(destination).isPresent()) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO event_deliveries (destination, position, attempts, delivered, dead_lettered)"
                            + " SELECT :destination, position, 0, 0, 0 FROM event_log_head WHERE id = 1")
                    .param("destination", destination)
                    .update();
        } catch (org.springframework.dao.DuplicateKeyException concurrently) {
            // Another instance created it at the same time: it exists, which is all that was asked.
        }
    }

    Optional<Delivery> delivery(String destination) {
        return jdbc.sql("SELECT " + DELIVERY_COLUMNS + " FROM event_deliveries WHERE destination = :destination")
                .param("destination", destination)
                .query(EventStore::delivery)
                .optional();
    }

    List<Delivery> deliveries() {
        return jdbc.sql("SELECT " + DELIVERY_COLUMNS + " FROM event_deliveries ORDER BY destination")
                .query(EventStore::delivery)
                .list();
    }

    /** Takes or renews the lease of {@code destination} for {@code owner}; false when another instance holds it. */
    boolean lease(String destination, String owner, Instant now, Instant until) {
        return jdbc.sql("UPDATE event_deliveries SET owner = :owner, lease_until = :until WHERE destination ="
                                + " :destination AND (owner IS NULL OR owner = :owner OR lease_until < :now)")
                        .param("owner", owner)
                        .param("until", UtcTimestamps.column(until))
                        .param("destination", destination)
                        .param("now", UtcTimestamps.column(now))
                        .update()
                == 1;
    }

    /** Gives up every lease of {@code owner} ({@code lease_until} stays: when the destination was last delivered to). */
    void release(String owner) {
        jdbc.sql("UPDATE event_deliveries SET owner = NULL WHERE owner = :owner")
                .param("owner", owner)
                .update();
    }

    /** Moves the cursor past {@code position} after a delivery (or a skip); false when the lease was lost. */
    boolean advance(String destination, String owner, long position, int delivered) {
        return jdbc.sql("UPDATE event_deliveries SET position = :position, attempts = 0, next_attempt_at = NULL,"
                                + " failing_since = NULL, last_error = NULL, delivered = delivered + :delivered"
                                + " WHERE destination = :destination AND owner = :owner AND position < :position")
                        .param("position", position)
                        .param("delivered", delivered)
                        .param("destination", destination)
                        .param("owner", owner)
                        .update()
                == 1;
    }

    /** Records a failed attempt at the event after the cursor. */
    void failed(String destination, String owner, int attempts, Instant next, Instant since, String error) {
        jdbc.sql("UPDATE event_deliveries SET attempts = :attempts, next_attempt_at = :next, failing_since ="
                        + " :since, last_error = :error WHERE destination = :destination AND owner = :owner")
                .param("attempts", attempts)
                .param("next", UtcTimestamps.column(next))
                .param("since", UtcTimestamps.column(since))
                .param("error", error)
                .param("destination", destination)
                .param("owner", owner)
                .update();
    }

    /** Moves the cursor past a dead-lettered event; the dead letter is written in the same transaction. */
    boolean deadLettered(String destination, String owner, long position, int attempts, String error, Instant now) {
        if (jdbc.sql("UPDATE event_deliveries SET position = :position, attempts = 0, next_attempt_at = NULL,"
                                + " failing_since = NULL, last_error = NULL, dead_lettered = dead_lettered + 1"
                                + " WHERE destination = :destination AND owner = :owner AND position < :position")
                        .param("position", position)
                        .param("destination", destination)
                        .param("owner", owner)
                        .update()
                != 1) {
            return false;
        }
        jdbc.sql("INSERT INTO event_dead_letters (id, destination, position, attempts, error, dead_at)"
                        + " VALUES (:id, :destination, :position, :attempts, :error, :now)")
                .param("id", org.chapkit.id.Ulids.newUlid())
                .param("destination", destination)
                .param("position", position)
                .param("attempts", attempts)
                .param("error", error)
                .param("now", UtcTimestamps.column(now))
                .update();
        return true;
    }

    /** Sets the cursor of {@code destination} so that delivery resumes after {@code position}. */
    boolean rewind(String destination, long position) {
        return jdbc.sql("UPDATE event_deliveries SET position = :position, attempts = 0, next_attempt_at = NULL,"
                                + " failing_since = NULL, last_error = NULL WHERE destination = :destination")
                        .param("position", position)
                        .param("destination", destination)
                        .update()
                == 1;
    }

    /** Dead letters, oldest first, optionally of one destination. */
    List<DeadLetter> deadLetters(String destination) {
        String sql = "SELECT d.id, d.destination, d.position, d.attempts, d.error, d.dead_at, d.replayed_at,"
                + " e.id AS event_id, e.type FROM event_dead_letters d LEFT JOIN events e ON e.position = d.position"
                + (destination == null ? "" : " WHERE d.destination = :destination")
                + " ORDER BY d.dead_at, d.id";
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        if (destination != null) {
            statement = statement.param("destination", destination);
        }
        return statement.query(EventStore::deadLetter).list();
    }

    Optional<DeadLetter> deadLetter(String id) {
        return jdbc.sql("SELECT d.id, d.destination, d.position, d.attempts, d.error, d.dead_at, d.replayed_at,"
                        + " e.id AS event_id, e.type FROM event_dead_letters d LEFT JOIN events e"
                        + " ON e.position = d.position WHERE d.id = :id")
                .param("id", id)
                .query(EventStore::deadLetter)
                .optional();
    }

    void replayed(String id, Instant now) {
        jdbc.sql("UPDATE event_dead_letters SET replayed_at = :now WHERE id = :id")
                .param("now", UtcTimestamps.column(now))
                .param("id", id)
                .update();
    }

    void replayFailed(String id, String error) {
        jdbc.sql("UPDATE event_dead_letters SET error = :error, attempts = attempts + 1 WHERE id = :id")
                .param("error", error)
                .param("id", id)
                .update();
    }

    void deleteDestination(String destination) {
        jdbc.sql("DELETE FROM event_dead_letters WHERE destination = :destination")
                .param("destination", destination)
                .update();
        jdbc.sql("DELETE FROM event_deliveries WHERE destination = :destination")
                .param("destination", destination)
                .update();
    }

    private EventEnvelope envelope(ResultSet rs, int row) throws SQLException {
        return new EventEnvelope(
                EventEnvelope.SPEC_VERSION,
                rs.getString("id"),
                rs.getString("type"),
                rs.getString("source"),
                rs.getString("subject"),
                UtcTimestamps.read(rs, "occurred_at"),
                rs.getLong("sequence"),
                rs.getLong("position"),
                "application/json",
                mapper.readTree(rs.getString("data")));
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        return new Delivery(
                rs.getString("destination"),
                rs.getLong("position"),
                rs.getInt("attempts"),
                UtcTimestamps.read(rs, "next_attempt_at"),
                UtcTimestamps.read(rs, "failing_since"),
                rs.getString("last_error"),
                rs.getString("owner"),
                UtcTimestamps.read(rs, "lease_until"),
                rs.getLong("delivered"),
                rs.getLong("dead_lettered"));
    }

    private static DeadLetter deadLetter(ResultSet rs, int row) throws SQLException {
        return new DeadLetter(
                rs.getString("id"),
                rs.getString("destination"),
                rs.getLong("position"),
                rs.getString("event_id"),
                rs.getString("type"),
                rs.getInt("attempts"),
                rs.getString("error"),
                UtcTimestamps.read(rs, "dead_at"),
                UtcTimestamps.read(rs, "replayed_at"));
    }

    static List<String> nonBlank(List<String> values) {
        List<String> result = new ArrayList<>();
        if (values != null) {
            values.stream()
                    .filter(v -> v != null && !v.isBlank())
                    .map(String::strip)
                    .forEach(result::add);
        }
        return result;
    }
}
