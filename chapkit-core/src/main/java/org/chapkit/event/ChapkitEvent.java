package org.chapkit.event;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A domain event: a record, named in the past tense, of a state change that has happened (a job completed, a config
 * was deleted). Its components are the envelope's {@code data}; {@link #eventType()} and {@link #eventSubject()} are
 * the envelope's {@code type} and {@code subject}, not part of the data.
 */
public interface ChapkitEvent {

    /**
     * The event's type, e.g. {@code org.chapkit.job.completed}: stable, documented in {@code docs/events.md}.
     *
     * @return the type
     */
    @JsonIgnore
    String eventType();

    /**
     * What changed, e.g. {@code jobs/01JD…}: events of one subject are delivered in the order they happened.
     *
     * @return the subject
     */
    @JsonIgnore
    String eventSubject();
}
