package org.chapkit.autoconfigure.event.nats;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the NATS JetStream event destination.
 *
 * @param enabled whether chapkit's events go to NATS JetStream
 * @param servers the NATS servers, e.g. {@code nats://127.0.0.1:4222}
 * @param username the user, when the server wants one
 * @param password the user's password
 * @param token an authentication token, instead of a user
 * @param stream the JetStream stream events are stored in (created when missing)
 * @param subjectPrefix the prefix of the subjects: an event of type {@code org.chapkit.job.completed} is published on
 *     {@code <prefix>.chapkit.job.completed}, and a stream chapkit creates covers {@code <prefix>.>}
 * @param duplicateWindow how long JetStream remembers a {@code Nats-Msg-Id} to drop a retried event, for a stream
 *     chapkit creates
 * @param connectionTimeout how long connecting may take
 * @param publishTimeout how long one event waits for JetStream's acknowledgement before the attempt counts as failed
 *     and is retried
 */
@ConfigurationProperties("chapkit.events.nats")
public record ChapkitNatsEventsProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("nats://127.0.0.1:4222") List<String> servers,
        String username,
        String password,
        String token,
        @DefaultValue("CHAPKIT_EVENTS") String stream,
        @DefaultValue("chapkit-events") String subjectPrefix,
        @DefaultValue("2m") Duration duplicateWindow,
        @DefaultValue("5s") Duration connectionTimeout,
        @DefaultValue("5s") Duration publishTimeout) {}
