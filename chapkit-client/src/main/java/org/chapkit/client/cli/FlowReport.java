package org.chapkit.client.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The steps of one end-to-end run and their outcomes, printable as a readable report. */
public final class FlowReport {

    private final String url;
    private final List<StepResult> steps = new ArrayList<>();

    /**
     * Starts an empty report.
     *
     * @param url the service URL under test
     */
    public FlowReport(String url) {
        this.url = url;
    }

    private boolean completed;

    void finish(boolean completed) {
        this.completed = completed;
    }

    /**
     * Whether every step of the flow ran (the flow stops at the first failure).
     *
     * @return {@code true} when the flow reached its end
     */
    public boolean completed() {
        return completed;
    }

    void add(StepResult step) {
        steps.add(step);
    }

    /**
     * The steps in the order they ran.
     *
     * @return the steps
     */
    public List<StepResult> steps() {
        return Collections.unmodifiableList(steps);
    }

    /**
     * Whether no step failed.
     *
     * @return {@code true} when the flow ran to its end and every step passed or was skipped
     */
    public boolean passed() {
        return completed && steps.stream().noneMatch(step -> step.outcome() == StepResult.Outcome.FAIL);
    }

    /**
     * Prints the report.
     *
     * @param out where to print
     */
    public void print(PrintStream out) {
        out.println("chapkit end-to-end check of " + url);
        out.println();
        Duration total = Duration.ZERO;
        for (StepResult step : steps) {
            total = total.plus(step.duration());
            out.printf(
                    "  %-4s  %-22s %7d ms  %s%n",
                    step.outcome(), step.name(), step.duration().toMillis(), step.detail());
        }
        long failed = steps.stream()
                .filter(step -> step.outcome() == StepResult.Outcome.FAIL)
                .count();
        out.println();
        out.printf(
                "%s: %d steps, %d failed, %d ms%n",
                passed() ? "PASSED" : "FAILED", steps.size(), failed, total.toMillis());
    }
}
