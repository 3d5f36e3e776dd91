package org.chapkit.event.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.chapkit.event.DeadLetter;
import org.chapkit.event.DestinationState;
import org.chapkit.event.EventDispatcher;
import org.chapkit.event.EventEnvelope;
import org.chapkit.event.EventLog;
import org.chapkit.event.EventPage;
import org.chapkit.problem.BadRequestException;
import org.chapkit.problem.ChapkitException;
import org.chapkit.problem.NotFoundException;
import org.chapkit.problem.ProblemType;
import org.chapkit.sse.SseStreamer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * {@code /api/v1/events}: the event history, the change stream (SSE, resumable with {@code Last-Event-ID}), the
 * delivery state of each destination, and dead letters.
 */
@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "Events")
public class EventController {

    private static final int MAX_LIMIT = 1000;
    private static final int STREAM_BATCH = 200;

    private final EventLog events;
    private final EventDispatcher dispatcher;
    private final SseStreamer streamer;
    private final Duration streamInterval;

    public EventController(EventLog events, EventDispatcher dispatcher, SseStreamer streamer, Duration streamInterval) {
        this.events = events;
        this.dispatcher = dispatcher;
        this.streamer = streamer;
        this.streamInterval = streamInterval;
    }

    /** The history, oldest first, after a position. */
    @GetMapping
    @Operation(
            summary = "List events",
            description = "Oldest first after `after` (a position); filter by `types` (comma-separated) and `subject`.")
    public EventPage list(
            @RequestParam(name = "types", required = false) List<String> types,
            @RequestParam(name = "subject", required = false) String subject,
            @RequestParam(name = "after", defaultValue = "0") long after,
            @RequestParam(name = "limit", defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
        if (after < 0) {
            throw new BadRequestException("after must be a position (0 or more), not " + after);
        }
        List<EventEnvelope> items = events.read(after, types, blankToNull(subject), limit);
        Long next = items.size() < limit ? null : items.getLast().position();
        return new EventPage(items, next);
    }

    /**
     * Streams events as they are committed: each frame is one envelope with its position as {@code id:}; a client
     * that reconnects with {@code Last-Event-ID} (or {@code after}) gets every later event from the log.
     */
    @GetMapping("/$stream")
    @Operation(summary = "Stream events (server-sent events, resumable with Last-Event-ID)")
    public ResponseEntity<ResponseBodyEmitter> stream(
            @RequestParam(name = "types", required = false) List<String> types,
            @RequestParam(name = "subject", required = false) String subject,
            @RequestParam(name = "after", required = false) Long after,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        long start;
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                start = Long.parseLong(lastEventId.strip());
            } catch (NumberFormatException ex) {
                throw new BadRequestException("Last-Event-ID must be an event position, not '" + lastEventId + "'");
            }
        } else {
            start = after == null ? events.head() : after;
        }
        if (start < 0) {
            throw new BadRequestException("The stream starts after a position (0 or more), not " + start);
        }
        String filterSubject = blankToNull(subject);
        AtomicLong cursor = new AtomicLong(start);
        java.util.concurrent.atomic.AtomicBoolean opened = new java.util.concurrent.atomic.AtomicBoolean();
        return streamer.poll(streamInterval, stream -> {
            if (opened.compareAndSet(false, true)) {
                stream.comment("after " + start); // sends the headers now, before the first event
            }
            List<EventEnvelope> batch;
            do {
                batch = events.read(cursor.get(), types, filterSubject, STREAM_BATCH);
                for (EventEnvelope event : batch) {
                    stream.sendJson(Long.toString(event.position()), event.toJson());
                    cursor.set(event.position());
                }
            } while (batch.size() == STREAM_BATCH);
            return true;
        });
    }

    /** Where each destination's delivery stands. */
    @GetMapping("/destinations")
    @Operation(summary = "Delivery state of each event destination (lag, failures, next attempt)")
    public List<DestinationState> destinations() {
        return dispatcher.destinations();
    }

    /** Delivers a destination's events again from a position. */
    @PostMapping("/destinations/{name}/$replay")
    @Operation(summary = "Deliver a destination's events again after a position")
    public List<DestinationState> replay(@PathVariable String name, @RequestParam(name = "after") long after) {
        if (after < 0) {
            throw new BadRequestException("after must be a position (0 or more), not " + after);
        }
        if (!dispatcher.replay(name, after)) {
            throw new NotFoundException("No event destination named '" + name + "'");
        }
        return dispatcher.destinations().stream()
                .filter(state -> state.name().equals(name))
                .toList();
    }

    /** Events destinations gave up on. */
    @GetMapping("/dead-letters")
    @Operation(summary = "List dead letters (events a destination gave up on)")
    public List<DeadLetter> deadLetters(@RequestParam(name = "destination", required = false) String destination) {
        return dispatcher.deadLetters(blankToNull(destination));
    }

    /** Delivers a dead letter again, now. */
    @PostMapping("/dead-letters/{id}/$replay")
    @Operation(summary = "Deliver a dead letter again")
    public DeadLetter replayDeadLetter(@PathVariable String id) {
        EventDispatcher.ReplayResult result = dispatcher.replayDeadLetter(id);
        return switch (result) {
            case NOT_FOUND -> throw new NotFoundException("No dead letter " + id);
            case GONE ->
                throw new ChapkitException(
                        ProblemType.CONFLICT,
                        "Dead letter " + id + " cannot be replayed: its destination is not registered on this"
                                + " instance or the log no longer keeps its event");
            case FAILED ->
                throw new ChapkitException(
                        ProblemType.SERVICE_UNAVAILABLE,
                        "The destination refused dead letter " + id + " again: "
                                + dispatcher
                                        .deadLetter(id)
                                        .map(DeadLetter::error)
                                        .orElse("unknown error"));
            case DELIVERED -> dispatcher.deadLetter(id).orElseThrow();
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
