package org.chapkit.event.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.chapkit.event.EventEnvelope;
import org.chapkit.event.PartialDeliveryException;
import org.chapkit.events.test.Brokers;
import org.chapkit.events.test.Envelopes;
import org.chapkit.events.test.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The destination alone against the real Redis on 6379: the entries it appends, trimming, a server that is away. */
class RedisStreamEventDestinationTests {

    private static TcpProxy proxy;
    private static LettuceConnectionFactory connections;
    private static StringRedisTemplate redis;

    @BeforeAll
    static void connect() {
        Brokers.require("Redis", "127.0.0.1", 6379);
        proxy = new TcpProxy("127.0.0.1", 6379);
        connections = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", proxy.port()),
                LettuceClientConfiguration.builder()
                        .commandTimeout(Duration.ofSeconds(1))
                        .build());
        connections.afterPropertiesSet();
        connections.start();
        redis = new StringRedisTemplate(connections);
    }

    @AfterAll
    static void close() {
        if (connections != null) {
            connections.destroy();
            proxy.close();
        }
    }

    @Test
    void appendsEachEventWithItsIdTypeSubjectAndJsonInOrder() {
        String stream = "chapkit:events:test-" + System.nanoTime();
        RedisStreamEventDestination destination = new RedisStreamEventDestination(redis, stream, 1000);
        List<EventEnvelope> events = List.of(
                Envelopes.of("org.chapkit.job.submitted", "jobs/one", 1),
                Envelopes.of("org.chapkit.job.completed", "jobs/one", 2));
        try {
            events.forEach(destination::deliver);

            List<MapRecord<String, Object, Object>> entries =
                    redis.opsForStream().read(StreamOffset.fromStart(stream));
            assertThat(entries).hasSize(2);
            assertThat(entries.getFirst().getValue())
                    .containsEntry("id", events.getFirst().id())
                    .containsEntry("type", "org.chapkit.job.submitted")
                    .containsEntry("subject", "jobs/one")
                    .containsEntry("sequence", "1")
                    .containsEntry("event", events.getFirst().toJson());
            assertThat(entries.getLast().getValue())
                    .containsEntry("id", events.getLast().id());
        } finally {
            redis.delete(stream);
        }
    }

    @Test
    void aBatchIsAppendedInOrder() throws PartialDeliveryException {
        String stream = "chapkit:events:batch-" + System.nanoTime();
        RedisStreamEventDestination destination = new RedisStreamEventDestination(redis, stream, 1000);
        List<EventEnvelope> events = new ArrayList<>();
        for (int n = 1; n <= 50; n++) {
            events.add(Envelopes.of("org.chapkit.job.progressed", "jobs/batch", n));
        }
        try {
            destination.deliverAll(events);

            List<MapRecord<String, Object, Object>> entries =
                    redis.opsForStream().read(StreamOffset.fromStart(stream));
            assertThat(entries)
                    .extracting(entry -> entry.getValue().get("id"))
                    .containsExactlyElementsOf(
                            events.stream().map(EventEnvelope::id).toList());
            assertThat(entries.getLast().getValue()).containsEntry("sequence", "50");
        } finally {
            redis.delete(stream);
        }
    }

    @Test
    void aBatchToAKeyThatIsNoStreamIsRefusedFromItsFirstEvent() {
        String stream = "chapkit:events:wrong-type-" + System.nanoTime();
        RedisStreamEventDestination destination = new RedisStreamEventDestination(redis, stream, 1000);
        redis.opsForValue().set(stream, "not a stream");
        try {
            assertThatThrownBy(() -> destination.deliverAll(List.of(
                            Envelopes.of("org.chapkit.job.started", "jobs/three", 1),
                            Envelopes.of("org.chapkit.job.completed", "jobs/three", 2))))
                    .isInstanceOfSatisfying(PartialDeliveryException.class, partial -> {
                        assertThat(partial.delivered()).isZero();
                        assertThat(partial).hasStackTraceContaining("WRONGTYPE");
                    });
            assertThat(redis.opsForValue().get(stream)).isEqualTo("not a stream");
        } finally {
            redis.delete(stream);
        }
    }

    @Test
    void aBatchWhileRedisIsAwayDeliversNothing() {
        String stream = "chapkit:events:batch-away-" + System.nanoTime();
        RedisStreamEventDestination destination = new RedisStreamEventDestination(redis, stream, 1000);
        proxy.cut();
        try {
            assertThatThrownBy(() ->
                            destination.deliverAll(List.of(Envelopes.of("org.chapkit.job.started", "jobs/four", 1))))
                    .isInstanceOfSatisfying(
                            PartialDeliveryException.class,
                            partial -> assertThat(partial.delivered()).isZero());
        } finally {
            proxy.restore();
            redis.delete(stream);
        }
    }

    @Test
    void trimsTheStreamToAboutItsMaximumLength() {
        String stream = "chapkit:events:trim-" + System.nanoTime();
        RedisStreamEventDestination destination = new RedisStreamEventDestination(redis, stream, 10);
        try {
            for (int n = 1; n <= 500; n++) {
                destination.deliver(Envelopes.of("org.chapkit.job.progressed", "jobs/many", n));
            }

            assertThat(redis.opsForStream().size(stream)).isLessThan(500);
        } finally {
            redis.delete(stream);
        }
    }

    @Test
    void aDeliveryWhileRedisIsAwayFails() {
        String stream = "chapkit:events:away-" + System.nanoTime();
        RedisStreamEventDestination destination = new RedisStreamEventDestination(redis, stream, 1000);
        proxy.cut();
        try {
            assertThatThrownBy(() -> destination.deliver(Envelopes.of("org.chapkit.job.started", "jobs/two", 1)))
                    .isInstanceOf(RuntimeException.class);
        } finally {
            proxy.restore();
            redis.delete(stream);
        }
    }
}
