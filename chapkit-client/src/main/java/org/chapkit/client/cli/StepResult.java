package org.chapkit.client.cli;

import java.time.Duration;

/**
 * The outcome of one step of the end-to-end check.
 *
 * @param name short step name, for example {@code train}
 * @param outcome passed, failed or skipped
 * @param detail what was observed, or why it failed
 * @param duration how long the step took
 */
public record StepResult(String name, Outcome outcome, String detail, Duration duration) {

    /** How a step ended. */
    public enum Outcome {
        /** The step did what the contract says. */
        PASS,
        /** The step failed; later steps that depend on it did not run. */
        FAIL,
        /** The step does not apply to this service (for example {@code $validate} on an older service). */
        SKIP
    }
}
