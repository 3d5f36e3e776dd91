package org.chapkit.testtasks;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.chapkit.task.MissedRunPolicy;
import org.chapkit.task.Task;

/** Tasks of the test service. */
public class TestTasks {

    /** Adds two numbers; the task with every setting. */
    @Task(
            name = "add_numbers",
            description = "Adds two non-negative numbers",
            tags = {"demo", "math"},
            retry =
                    @Task.Retry(
                            maxAttempts = 3,
                            initialDelay = "2s",
                            multiplier = 3,
                            maxDelay = "1m",
                            jitter = 0,
                            nonRetryable = IllegalArgumentException.class),
            concurrencyLimit = 2,
            timeout = "1m",
            cacheTtl = "10m")
    public Map<String, Integer> addNumbers(@Min(0) int a, @Min(0) int b) {
        return Map.of("sum", a + b);
    }

    /** Greets people through an injected bean; binds a list and a validated record. */
    @Task(name = "greet", description = "Greets someone")
    public String greet(
            @NotBlank @Size(max = 20) String name, Greeter greeter, @Valid Window window, List<String> extras) {
        return greeter.greet(name)
                + (window == null ? "" : " for " + window.days() + " days")
                + (extras == null ? "" : " " + String.join(",", extras));
    }

    /** A maintenance task with a schedule declared in code. */
    @Task(
            name = "nightly-cleanup",
            description = "Deletes old things",
            tags = "maintenance",
            cron = "0 0 3 * * *",
            timeZone = "Europe/Oslo",
            missedRunPolicy = MissedRunPolicy.RUN_ONCE)
    public int nightlyCleanup(Integer olderThanDays) {
        return olderThanDays == null ? 30 : olderThanDays;
    }
}
