package org.chapkit.sample;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.chapkit.job.JobContext;
import org.chapkit.task.Task;
import org.springframework.stereotype.Component;

/**
 * A task slow enough to watch in the console: it works through {@code steps} steps of {@code stepMillis} each,
 * reporting its progress after every step, and stops when canceled.
 */
@Component
public class DemoTasks {

    /**
     * Simulates work.
     *
     * @param steps how many steps (1 to 600)
     * @param stepMillis how long one step takes, in milliseconds (default 200)
     * @param failAtStep the step at which it fails on purpose, or null to succeed
     * @param context the running job, for progress and cancellation
     * @return how many steps were done
     */
    @Task(
            name = "simulate-work",
            description = "Works through the given number of steps, reporting progress after each (for demos)",
            tags = {"demo"})
    public Map<String, Object> simulateWork(
            @NotNull @Min(1) @Max(600) Integer steps,
            @Min(0) @Max(10_000) Integer stepMillis,
            @Min(1) Integer failAtStep,
            JobContext context)
            throws InterruptedException {
        long pause = stepMillis == null ? 200 : stepMillis;
        for (int step = 1; step <= steps; step++) {
            context.throwIfCancelled();
            Thread.sleep(pause);
            if (failAtStep != null && step == failAtStep) {
                throw new IllegalStateException("simulated failure at step " + step);
            }
            context.reportProgress((double) step / steps, "step " + step + " of " + steps);
        }
        return Map.of("steps", steps);
    }
}
