package org.chapkit.events.test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.chapkit.event.EventEnvelope;
import org.chapkit.id.Ulids;
import tools.jackson.databind.json.JsonMapper;

/** Envelopes for a destination's own tests, as the outbox builds them. */
public final class Envelopes {

    private static final AtomicLong POSITION = new AtomicLong();

    private Envelopes() {}

    /**
     * The {@code sequence}-th event of {@code subject}.
     *
     * @param type its type
     * @param subject its subject
     * @param sequence its number within the subject
     * @return the envelope
     */
    public static EventEnvelope of(String type, String subject, long sequence) {
        return new EventEnvelope(
                EventEnvelope.SPEC_VERSION,
                Ulids.newUlid(),
                type,
                "/chapkit/events-test/test",
                subject,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                sequence,
                POSITION.incrementAndGet(),
                "application/json",
                JsonMapper.builder().build().createObjectNode().put("subject", subject));
    }
}
