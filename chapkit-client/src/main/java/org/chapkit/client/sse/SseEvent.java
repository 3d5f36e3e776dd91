package org.chapkit.client.sse;

/**
 * One server-sent event. chapkit sends only {@code data:} lines, so {@link #event()} and {@link #id()} are usually
 * {@code null}.
 *
 * @param event the {@code event:} field, or {@code null}
 * @param data the {@code data:} lines joined with {@code \n}
 * @param id the {@code id:} field, or {@code null}
 */
public record SseEvent(String event, String data, String id) {}
