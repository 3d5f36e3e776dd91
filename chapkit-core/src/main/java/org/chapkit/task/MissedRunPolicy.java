package org.chapkit.task;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What a schedule does with ticks that passed while no instance was running (longer ago than the grace). */
public enum MissedRunPolicy {
    /** Missed ticks are dropped; only a tick within the grace runs. */
    SKIP("skip"),
    /** However many ticks were missed, the task runs once (for the latest). */
    RUN_ONCE("run_once"),
    /** Every missed tick runs, up to the schedule's cap (the most recent ones). */
    RUN_ALL("run_all");

    private final String wire;

    MissedRunPolicy(String wire) {
        this.wire = wire;
    }

    /** The wire name. */
    @JsonValue
    public String wire() {
        return wire;
    }

    /**
     * The policy with wire name {@code text}.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static MissedRunPolicy parse(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(p -> p.wire.equals(value))
                .findFirst()
                .orElseThrow(() ->
                        new IllegalArgumentException("must be one of skip, run_once, run_all, got '" + text + "'"));
    }
}
