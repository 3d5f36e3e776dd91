package org.chapkit.health.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import org.chapkit.contract.ContractGeneration;
import org.chapkit.health.HealthReporter;
import org.chapkit.health.HealthState;
import org.chapkit.health.HealthStatus;
import org.chapkit.sse.PollInterval;
import org.chapkit.sse.SseStreamer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * chapkit's health endpoints. {@code /health} carries the state in its body; in contract generation 1 it always
 * answers 200 (chapkit 1.x), in generation 2 it answers 503 when unhealthy (chapkit 2.x). Actuator's
 * {@code /actuator/health} answers 503 when down in both.
 */
@RestController
@RequestMapping("/health")
@Tag(name = "Observability")
public class HealthController {

    private final HealthReporter reporter;
    private final SseStreamer streamer;
    private final ContractGeneration contract;

    /** A controller speaking the default contract generation. */
    public HealthController(HealthReporter reporter, SseStreamer streamer) {
        this(reporter, streamer, ContractGeneration.DEFAULT);
    }

    /**
     * @param reporter runs the checks
     * @param streamer writes the SSE stream
     * @param contract decides the HTTP status of an unhealthy report
     */
    public HealthController(HealthReporter reporter, SseStreamer streamer, ContractGeneration contract) {
        this.reporter = reporter;
        this.streamer = streamer;
        this.contract = contract;
    }

    /** Runs all checks; 200, or 503 when unhealthy in contract generation 2 (degraded stays 200). */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Health check")
    public ResponseEntity<HealthStatus> health() {
        HealthStatus status = reporter.report();
        return ResponseEntity.status(contract.healthStatus(status.status() == HealthState.UNHEALTHY))
                .contentType(MediaType.APPLICATION_JSON)
                .body(status);
    }

    /** Endless SSE stream of the health status, one frame every {@code poll_interval} seconds. */
    @GetMapping(path = "/$stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Stream health status (SSE)")
    public ResponseEntity<ResponseBodyEmitter> stream(
            @RequestParam(name = "poll_interval", defaultValue = "1.0") double pollIntervalSeconds) {
        Duration interval = PollInterval.ofSeconds(pollIntervalSeconds);
        return streamer.poll(interval, stream -> {
            stream.send(reporter.report());
            return true;
        });
    }
}
