package org.chapkit.event.redis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.chapkit.event.EventDestination;
import org.chapkit.event.EventEnvelope;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Appends each event to one Redis stream ({@code XADD <stream> MAXLEN ~ <max-length> * …}) as an entry with the
 * fields {@code id}, {@code type}, {@code subject}, {@code sequence} and {@code event} (the CloudEvents JSON). One
 * stream is one ordered log, so the order of the outbox is the order of the stream; consumers read it with {@code
 * XREAD} or a consumer group and de-duplicate by the {@code id} field (Redis has no de-duplication of its own, and an
 * {@code XADD} whose reply was lost is retried). {@link #deliver} returns when Redis answered the {@code XADD}.
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
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", event.id());
        fields.put("type", event.type());
        fields.put("subject", event.subject());
        fields.put("sequence", Long.toString(event.sequence()));
        fields.put("event", event.toJson());
        RecordId id = redis.opsForStream().add(StreamRecords.string(fields).withStreamKey(stream), options);
        if (id == null) {
            throw new IllegalStateException(
                    "Redis answered XADD to " + stream + " for event " + event.id() + " with no id");
        }
    }
}
