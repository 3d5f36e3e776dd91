package org.chapkit.client.event;

import java.util.List;
import java.util.Map;
import org.chapkit.client.http.ChapkitHttp;

/**
 * Access to {@code /api/v1/events}: the event history and the delivery state of each destination. To follow events
 * as they happen, read {@code GET /api/v1/events/$stream} (server-sent events, resumable with {@code Last-Event-ID})
 * or page through {@link #list(EventQuery)} with {@link EventQuery#withAfter(long)}.
 */
public final class EventClient {

    private static final String BASE = "/api/v1/events";

    private final ChapkitHttp http;

    /**
     * Creates the client.
     *
     * @param http the shared transport
     */
    public EventClient(ChapkitHttp http) {
        this.http = http;
    }

    /**
     * {@code GET /api/v1/events}: one page of the history, oldest first.
     *
     * @param query types, subject, position and page size
     * @return the page; {@link EventPage#nextAfter()} continues it
     */
    public EventPage list(EventQuery query) {
        return http.get(BASE, query.parameters(), http.types().constructType(EventPage.class));
    }

    /**
     * {@code GET /api/v1/events/destinations}.
     *
     * @return the delivery state of every destination
     */
    public List<DestinationState> destinations() {
        return http.get(
                BASE + "/destinations", null, http.types().constructCollectionType(List.class, DestinationState.class));
    }

    /**
     * {@code POST /api/v1/events/destinations/{name}/$replay?after=}: delivers a destination's events again from a log
     * position on.
     *
     * @param destination the destination's name
     * @param after the position after which to deliver again
     * @return the destination's state afterwards
     */
    public List<DestinationState> replay(String destination, long after) {
        return http.exchange(
                "POST",
                BASE + "/destinations/" + ChapkitHttp.segment(destination) + "/$replay",
                Map.of("after", Long.toString(after)),
                null,
                http.types().constructCollectionType(List.class, DestinationState.class));
    }
}
