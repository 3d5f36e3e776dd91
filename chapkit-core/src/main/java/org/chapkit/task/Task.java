package org.chapkit.task;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a Spring bean as a named task that can be executed through {@code /api/v1/tasks} and run by
 * schedules. Parameters are bound by name from the JSON {@code params} of a call (validated with Bean Validation),
 * except parameters whose type is injectable (see {@link TaskParameterResolver}). Durations are read by Spring's
 * {@code DurationFormatterUtils.detectAndParse}: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 2d} or
 * ISO-8601 ({@code PT30S}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Task {

    /** Stable name ({@code [A-Za-z0-9_-]+}); the method name when empty. */
    String name() default "";

    /** What the task does, shown in {@code GET /api/v1/tasks}. */
    String description() default "";

    /** Free-form tags. */
    String[] tags() default {};

    /** How failed runs are retried; by default they are not. */
    Retry retry() default @Retry;

    /** Most runs of this task at the same time across the whole cluster; 0 means unlimited. */
    int concurrencyLimit() default 0;

    /**
     * Whether running the task again from the start is safe when a run was cut short because its instance shut down
     * or died (its own side effects tolerate a repeat). Such a run is re-queued and runs again, on any instance, as
     * the same attempt with its cut recorded; otherwise it fails with an error naming the instance. The retry
     * policy is separate: it applies to runs that failed, not to runs that were cut.
     */
    boolean idempotent() default false;

    /** Longest a run may take before it is cancelled; empty for no limit. */
    String timeout() default "";

    /** How long a result is reused for identical params instead of running again; empty for no caching. */
    String cacheTtl() default "";

    /** Cron expression (Spring's 6 fields, or 5 Unix fields) of a schedule declared in code; empty for none. */
    String cron() default "";

    /** Fixed interval of a schedule declared in code; empty for none. Exclusive with {@link #cron()}. */
    String fixedInterval() default "";

    /** Time zone in which {@link #cron()} is evaluated. */
    String timeZone() default "UTC";

    /** What a declared schedule does with ticks missed while no instance ran. */
    MissedRunPolicy missedRunPolicy() default MissedRunPolicy.SKIP;

    /** Most missed ticks a declared schedule with {@code run_all} runs at once. */
    int missedRunCap() default 10;

    /**
     * Retry policy of a task. Delays grow as {@code initialDelay * multiplier^(attempt-1)}, capped at
     * {@code maxDelay}, then spread by {@code ±jitter} (a fraction of the delay).
     */
    @Target({})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @interface Retry {

        /** Attempts in total including the first, 1 to {@value RetryPolicy#MAX_ATTEMPTS_LIMIT}; 1 disables retry. */
        int maxAttempts() default 1;

        /** Delay before the second attempt. */
        String initialDelay() default "1s";

        /** Growth factor of the delay per attempt, 1 to 10. */
        double multiplier() default 2.0;

        /** Upper bound of a delay, at most 24 hours. */
        String maxDelay() default "5m";

        /** Random spread of each delay as a fraction of it, 0 to 1. */
        double jitter() default 0.1;

        /** Exception types (and their subtypes) that fail the run at once without retry. */
        Class<? extends Throwable>[] nonRetryable() default {};
    }
}
