package org.chapkit.event.redis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.chapkit.event.EventDestination;
import org.chapkit.event.EventEnvelope;
import org.chapkit.event.PartialDeliveryException;
import org.springframework.data.redis.connection.RedisPipelineException;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StreamOperations;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Appends each event to one Redis stream ({@code XADD <stream> MAXLEN ~ <max-length> * …}) as an entry with the
 * fields {@code id}, {@code type}, {@code subject}, {@code sequence} and {@code event} (the CloudEvents JSON). One
 * stream is one ordered log, so the order of the outbox is the order of the stream; consumers read it with {@code
 * XREAD} or a consumer group and de-duplicate by the {@code id} field (Redis has no de-duplication of its own, and an
 * {@code XADD} whose reply was lost is retried). {@link #deliver} returns when Redis answered the {@code XADD}; a
 * batch ({@link #deliverAll}) is one pipeline: every {@code XADD} sent without waiting for the one before, the replies
 * read once, so a batch costs one round trip instead of one per event.
 */
public final class RedisStreamEventDestination implements EventDestination {

    /** The destination's name: it keys the delivery state in the database and tags the metrics. */
    public static final String NAME = "redis";

    private final StringRedisTemplate redis;
    private final String stream;
    private final XAddOptions options;

    /**
     * Creates the destination.
     *
     * @param redis the Redis client
     * @param stream the stream's key
     * @param maxLength the length the stream is trimmed to (approximately, {@code MAXLEN ~}); 0 for no trimming
     */
    public RedisStreamEventDestination(StringRedisTemplate redis, String stream, long maxLength) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.stream = Objects.requireNonNull(stream, "stream");
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength must be 0 (no trimming) or more, not " + maxLength);
        }
        this.options = maxLength == 0
                ? XAddOptions.none()
                : XAddOptions.maxlen(maxLength).approximateTrimming(true);
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The stream's key.
     *
     * @return the key
     */
    public String stream() {
        return stream;
    }

    @Override
    public void deliver(EventEnvelope event) {
        RecordId id = redis.opsForStream().add(entry(event), options);
        if (id == null) {
            throw new IllegalStateException(
                    "Redis answered XADD to " + stream + " for event " + event.id() + " with no id");
        }
    }

    /**
     * Appends the events in one pipeline, in order. Redis runs the pipelined commands one after the other, so when
     * event {@code k} is refused the events before it are in the stream; the ones after it may be too, and are
     * appended again with the retry (consumers drop duplicates by id). A connection lost mid-pipeline counts as nothing
     * delivered.
     */
    @Override
    public void deliverAll(List<EventEnvelope> events) throws PartialDeliveryException {
        List<Object> replies;
        try {
            replies = redis.executePipelined(new SessionCallback<Object>() {
                @Override
                @SuppressWarnings("unchecked")
                public <K, V> Object execute(RedisOperations<K, V> operations) {
                    StreamOperations<String, Object, Object> streams =
                            ((RedisOperations<String, String>) operations).opsForStream();
                    for (EventEnvelope event : events) {
                        streams.add(entry(event), options);
                    }
                    return null;
                }
            });
        } catch (RedisPipelineException ex) {
            throw refused(events, ex.getPipelineResult(), ex);
        } catch (RuntimeException ex) {
            throw new PartialDeliveryException(0, ex);
        }
        PartialDeliveryException refused = refused(events, replies, null);
        if (refused != null) {
            throw refused;
        }
    }

    /** The first event whose reply is not a record id, as the exception of a partial delivery; null when none. */
    private PartialDeliveryException refused(List<EventEnvelope> events, List<Object> replies, RuntimeException ex) {
        for (int i = 0; i < events.size(); i++) {
            Object reply = replies == null || i >= replies.size() ? null : replies.get(i);
            if (!(reply instanceof RecordId)) {
                Throwable cause = reply instanceof Throwable thrown
                        ? thrown
                        : ex != null
                                ? ex
                                : new IllegalStateException("Redis answered XADD to " + stream + " for event "
                                        + events.get(i).id() + " with " + reply);
                return new PartialDeliveryException(i, cause);
            }
        }
        return ex == null ? null : new PartialDeliveryException(0, ex);
    }

    private MapRecord<String, String, String> entry(EventEnvelope event) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", event.id());
        fields.put("type", event.type());
        fields.put("subject", event.subject());
        fields.put("sequence", Long.toString(event.sequence()));
        fields.put("event", event.toJson());
        return StreamRecords.string(fields).withStreamKey(stream);
    }
}
