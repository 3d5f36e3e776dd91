package org.chapkit.registration;

import java.net.URI;
import java.time.Duration;

/** What chap-core's registry answered to one request, as far as the registration cares. */
public sealed interface RegistryReply {

    /** Whether the request did what it was for. */
    default boolean succeeded() {
        return this instanceof Registered || this instanceof Alive || this instanceof Deregistered;
    }

    /**
     * {@code POST …/$register} succeeded.
     *
     * @param pingUrl absolute URL to send keepalives to
     * @param ttl how long chap-core keeps the entry without a keepalive
     * @param message chap-core's message (registered or updated)
     */
    record Registered(URI pingUrl, Duration ttl, String message) implements RegistryReply {}

    /**
     * A keepalive was accepted.
     *
     * @param expiresAt when chap-core will forget the service without another keepalive (its ISO text)
     */
    record Alive(String expiresAt) implements RegistryReply {}

    /** The registration was removed. */
    record Deregistered() implements RegistryReply {}

    /** A failed request. */
    sealed interface Failure extends RegistryReply {

        /** A short, stable tag for metrics: {@code not_found}, {@code unauthorized}, {@code rejected}, … */
        String reason();

        /** One line for logs and the health details; never contains the key. */
        String describe();
    }

    /**
     * 404: chap-core does not know the service (it restarted, or the entry expired).
     *
     * @param detail chap-core's {@code detail}
     */
    record NotFound(String detail) implements Failure {
        @Override
        public String reason() {
            return "not_found";
        }

        @Override
        public String describe() {
            return "404 Not Found: " + detail;
        }
    }

    /**
     * 401: the {@code X-Service-Key} is missing or wrong.
     *
     * @param detail chap-core's {@code detail}
     */
    record Unauthorized(String detail) implements Failure {
        @Override
        public String reason() {
            return "unauthorized";
        }

        @Override
        public String describe() {
            return "401 Unauthorized: " + detail + " (check the registration key)";
        }
    }

    /**
     * Any other HTTP status (422 for an info document chap-core does not accept, 5xx, …).
     *
     * @param status HTTP status
     * @param detail the body's {@code detail}, or the start of the body
     */
    record Rejected(int status, String detail) implements Failure {
        @Override
        public String reason() {
            return status >= 500 ? "server_error" : "rejected";
        }

        @Override
        public String describe() {
            return "HTTP " + status + ": " + detail;
        }
    }

    /**
     * No HTTP answer: connection refused, time-out, unreadable answer, unreadable key file.
     *
     * @param problem what went wrong
     */
    record Unreachable(String problem) implements Failure {
        @Override
        public String reason() {
            return "unreachable";
        }

        @Override
        public String describe() {
            return problem;
        }
    }
}
