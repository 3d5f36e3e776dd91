package org.chapkit.job;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One entry of a job's {@link RunLog}, checked against the log's rules when it is made.
 *
 * @param kind what the entry is
 * @param name the metric's, parameter's or tag's name
 * @param number a metric's value ({@code NaN} for parameters and tags)
 * @param text a parameter's or tag's value ({@code null} for metrics)
 * @param step a metric's step (0 for parameters and tags)
 * @param loggedAt when it was logged
 */
public record RunLogEntry(Kind kind, String name, double number, String text, long step, Instant loggedAt) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_\\-./ ]{1," + RunLog.MAX_NAME_LENGTH + "}");

    /** What an entry is. */
    public enum Kind {
        /** A metric's value at a step. */
        METRIC,
        /** A parameter. */
        PARAM,
        /** A tag. */
        TAG
    }

    /** Checks the entry. */
    public RunLogEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(loggedAt, "loggedAt");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Run log name '" + name + "' must be 1 to " + RunLog.MAX_NAME_LENGTH
                    + " letters, digits, '_', '-', '.', '/' or spaces");
        }
        if (kind == Kind.METRIC) {
            if (!Double.isFinite(number)) {
                throw new IllegalArgumentException("Metric '" + name + "' must be a finite number, not " + number);
            }
            if (step < 0) {
                throw new IllegalArgumentException("Metric '" + name + "' has a negative step " + step);
            }
        } else {
            int max = kind == Kind.PARAM ? RunLog.MAX_PARAM_LENGTH : RunLog.MAX_TAG_LENGTH;
            if (text == null) {
                throw new IllegalArgumentException(
                        kind.name().toLowerCase(java.util.Locale.ROOT) + " '" + name + "' has no value");
            }
            if (text.length() > max) {
                throw new IllegalArgumentException(kind.name().toLowerCase(java.util.Locale.ROOT) + " '" + name
                        + "' is " + text.length() + " characters long; at most " + max + " are kept");
            }
        }
    }

    /**
     * A metric entry.
     *
     * @param name the name
     * @param value the value
     * @param step the step
     * @param at when
     * @return the checked entry
     */
    public static RunLogEntry metric(String name, double value, long step, Instant at) {
        return new RunLogEntry(Kind.METRIC, name, value, null, step, at);
    }

    /**
     * A parameter entry.
     *
     * @param name the name
     * @param value the value
     * @param at when
     * @return the checked entry
     */
    public static RunLogEntry param(String name, String value, Instant at) {
        return new RunLogEntry(Kind.PARAM, name, Double.NaN, value, 0, at);
    }

    /**
     * A tag entry.
     *
     * @param name the name
     * @param value the value
     * @param at when
     * @return the checked entry
     */
    public static RunLogEntry tag(String name, String value, Instant at) {
        return new RunLogEntry(Kind.TAG, name, Double.NaN, value, 0, at);
    }
}
