package org.chapkit.client.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One page of the event history, oldest first.
 *
 * @param items the events
 * @param nextAfter the {@code after} of the next page, or null when this page reached the end of the log
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventPage(
        @JsonProperty("items") List<Event> items,
        @JsonProperty("next_after") Long nextAfter) {

    /** Copies the list. */
    public EventPage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
