package org.chapkit.client.event;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which events {@link EventClient#list(EventQuery)} asks for.
 *
 * @param types event types, a trailing {@code *} matching a prefix; empty for every type
 * @param subject only the events of this subject, or null
 * @param after only events after this log position (0 for the start)
 * @param limit at most this many (1 to 1000)
 */
public record EventQuery(List<String> types, String subject, long after, int limit) {

    /** Every event from the start of the log, 100 at a time. */
    public static final EventQuery ALL = new EventQuery(List.of(), null, 0, 100);

    /** Copies the type list. */
    public EventQuery {
        types = types == null ? List.of() : List.copyOf(types);
    }

    /** The same query for events of {@code subject}. */
    public EventQuery withSubject(String subject) {
        return new EventQuery(types, subject, after, limit);
    }

    /** The same query for events of these types. */
    public EventQuery withTypes(List<String> types) {
        return new EventQuery(types, subject, after, limit);
    }

    /** The same query from log position {@code after} on (for the next page: {@link EventPage#nextAfter()}). */
    public EventQuery withAfter(long after) {
        return new EventQuery(types, subject, after, limit);
    }

    Map<String, String> parameters() {
        Map<String, String> query = new LinkedHashMap<>();
        if (!types.isEmpty()) {
            query.put("types", String.join(",", types));
        }
        if (subject != null) {
            query.put("subject", subject);
        }
        query.put("after", Long.toString(after));
        query.put("limit", Integer.toString(limit));
        return query;
    }
}
