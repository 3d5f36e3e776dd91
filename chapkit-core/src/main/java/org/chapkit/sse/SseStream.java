package org.chapkit.sse;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import tools.jackson.databind.ObjectMapper;

/**
 * One open server-sent event stream. Frames are written as {@code data: <json>\n\n} in a single write followed by
 * a flush, which is the exact byte format chapkit's console parses (it reads {@code data: } with a space, which
 * Spring's {@code SseEmitter} does not emit).
 */
public final class SseStream {

    private static final MediaType FRAME_TYPE =
            new MediaType("text", "event-stream", java.nio.charset.StandardCharsets.UTF_8);

    private final ResponseBodyEmitter emitter;
    private final ObjectMapper mapper;

    SseStream(ResponseBodyEmitter emitter, ObjectMapper mapper) {
        this.emitter = emitter;
        this.mapper = mapper;
    }

    /** Sends {@code payload} serialized as compact JSON in one frame. */
    public void send(Object payload) {
        sendJson(mapper.writeValueAsString(payload));
    }

    /** Sends an already-serialized JSON document in one frame. */
    public void sendJson(String json) {
        try {
            emitter.send("data: " + json + "\n\n", FRAME_TYPE);
        } catch (IOException ex) {
            throw new UncheckedIOException("SSE client went away", ex);
        }
    }

    /**
     * Sends an already-serialized JSON document in one frame with an {@code id:} line, which a client sends back as
     * {@code Last-Event-ID} when it reconnects.
     */
    public void sendJson(String id, String json) {
        try {
            emitter.send("id: " + id + "\ndata: " + json + "\n\n", FRAME_TYPE);
        } catch (IOException ex) {
            throw new UncheckedIOException("SSE client went away", ex);
        }
    }

    /**
     * Sends an SSE comment line ({@code : text}), which clients ignore: it gets the response's headers to the client
     * before the first event and keeps idle connections open through proxies.
     */
    public void comment(String text) {
        try {
            emitter.send(": " + text + "\n\n", FRAME_TYPE);
        } catch (IOException ex) {
            throw new UncheckedIOException("SSE client went away", ex);
        }
    }

    /** Ends the stream normally. */
    public void complete() {
        emitter.complete();
    }
}
