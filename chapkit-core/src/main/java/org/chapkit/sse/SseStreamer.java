package org.chapkit.sse;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs polling SSE streams without holding a servlet thread per subscriber: one scheduler thread times the ticks
 * and each tick runs on a virtual thread, so thousands of idle subscribers cost only their emitter objects.
 */
public final class SseStreamer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SseStreamer.class);

    private final ObjectMapper mapper;
    private final ScheduledExecutorService ticker;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger openStreams = new AtomicInteger();

    public SseStreamer(ObjectMapper mapper) {
        this.mapper = mapper;
        this.ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("chapkit-sse-ticker").daemon(true).factory());
    }

    /**
     * Opens a stream that calls {@code tick} at once and then every {@code interval} until the tick returns
     * {@code false}, the client disconnects, or the application shuts down.
     */
    public ResponseEntity<ResponseBodyEmitter> poll(Duration interval, Tick tick) {
        ResponseBodyEmitter emitter = new ResponseBodyEmitter(0L);
        SseStream stream = new SseStream(emitter, mapper);
        AtomicBoolean running = new AtomicBoolean();
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<ScheduledFuture<?>> schedule = new AtomicReference<>();
        openStreams.incrementAndGet();
        Runnable stop = () -> {
            if (done.compareAndSet(false, true)) {
                openStreams.decrementAndGet();
            }
            ScheduledFuture<?> future = schedule.get();
            if (future != null) {
                future.cancel(false);
            }
        };
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(error -> stop.run());
        Runnable runTick = () -> {
            if (done.get() || !running.compareAndSet(false, true)) {
                return; // a slow tick is still running; skip rather than pile up
            }
            try {
                if (!tick.emit(stream)) {
                    stop.run();
                    stream.complete();
                }
            } catch (java.io.UncheckedIOException clientGone) {
                // The subscriber disconnected: a normal end of an SSE stream, not an error to report.
                stop.run();
                log.debug("SSE subscriber went away: {}", clientGone.getMessage());
                completeAfterDisconnect(emitter);
            } catch (RuntimeException ex) {
                stop.run();
                log.debug("SSE stream ended: {}", ex.toString());
                emitter.completeWithError(ex);
            } finally {
                running.set(false);
            }
        };
        long periodMillis = Math.max(1, interval.toMillis());
        schedule.set(
                ticker.scheduleWithFixedDelay(() -> workers.execute(runTick), 0, periodMillis, TimeUnit.MILLISECONDS));
        if (done.get()) {
            schedule.get().cancel(false); // the stream ended before its schedule was stored
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "event-stream", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header(HttpHeaders.CONNECTION, "keep-alive")
                .header("X-Accel-Buffering", "no")
                .body(emitter);
    }

    /**
     * Ends a stream whose subscriber went away. The container may have seen the broken connection first and ended the
     * request's async context already; Tomcat then refuses {@code complete()} from an application thread with an
     * {@link IllegalStateException}, which only says the stream is over anyway.
     */
    private static void completeAfterDisconnect(ResponseBodyEmitter emitter) {
        try {
            emitter.complete();
        } catch (IllegalStateException alreadyEnded) {
            log.debug("SSE stream already ended by the container: {}", alreadyEnded.getMessage());
        }
    }

    /**
     * The number of streams still open: started and not yet ended by their tick, a client disconnect (noticed at the
     * next write), a timeout or an error.
     */
    public int openStreams() {
        return openStreams.get();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        workers.shutdownNow();
    }

    /** One tick of a polling stream. */
    @FunctionalInterface
    public interface Tick {

        /**
         * Emits zero or more frames.
         *
         * @return {@code true} to keep the stream open, {@code false} to end it after this tick
         */
        boolean emit(SseStream stream);
    }
}
