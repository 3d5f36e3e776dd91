package org.chapkit.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A page of the event history, oldest first.
 *
 * @param items the events
 * @param nextAfter the {@code after} of the next page (the last item's position), or null when this page is the last
 *     one so far
 */
public record EventPage(
        @JsonProperty("items") List<EventEnvelope> items,
        @JsonProperty("next_after") Long nextAfter) {

    /** Copies the list. */
    public EventPage {
        items = List.copyOf(items);
    }
}
