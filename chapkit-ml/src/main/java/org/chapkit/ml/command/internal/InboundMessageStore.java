package org.chapkit.ml.command.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.chapkit.db.ChapkitTables;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code inbound_messages}: one row per accepted inbound message, keyed by channel and message id, written in the
 * transaction that submits the message's job. A second message with the same key finds the row (or, while the first is
 * still being committed, waits on it and then fails to insert) and runs nothing.
 */
public final class InboundMessageStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    /**
     * Creates the store.
     *
     * @param jdbc the application's client
     * @param tables where chapkit's tables are
     * @param clock stamps the rows
     */
    public InboundMessageStore(JdbcClient jdbc, ChapkitTables tables, Clock clock) {
        this.jdbc = tables.jdbc(Objects.requireNonNull(jdbc, "jdbc"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Claims a message for this transaction.
     *
     * @param channel where it came from
     * @param messageId its id
     * @param command its command
     * @return {@code false} when the message was claimed before
     */
    public boolean claim(String channel, String messageId, String command) {
        try {
            jdbc.sql("INSERT INTO inbound_messages (channel, message_id, command, received_at) VALUES (?, ?, ?, ?)")
                    .params(channel, messageId, command, Timestamp.from(clock.instant()))
                    .update();
            return true;
        } catch (DuplicateKeyException ex) {
            return false;
        }
    }

    /**
     * Records the job a claimed message submitted.
     *
     * @param channel where it came from
     * @param messageId its id
     * @param jobId the job
     */
    public void submitted(String channel, String messageId, String jobId) {
        jdbc.sql("UPDATE inbound_messages SET job_id = ? WHERE channel = ? AND message_id = ?")
                .params(jobId, channel, messageId)
                .update();
    }

    /**
     * The job an earlier message with this id submitted.
     *
     * @param channel where it came from
     * @param messageId its id
     * @return the job, when known
     */
    public Optional<String> job(String channel, String messageId) {
        return jdbc.sql("SELECT job_id FROM inbound_messages WHERE channel = ? AND message_id = ?")
                .params(channel, messageId)
                .query(String.class)
                .optional();
    }
}
