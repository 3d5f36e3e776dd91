package org.chapkit.schedule;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.chapkit.event.EventPublisher;
import org.chapkit.id.Ulids;
import org.chapkit.problem.ConflictException;
import org.chapkit.problem.FieldError;
import org.chapkit.problem.NotFoundException;
import org.chapkit.problem.ValidationFailedException;
import org.chapkit.schedule.internal.ScheduleStore;
import org.chapkit.task.DeclaredSchedule;
import org.chapkit.task.ExecutionOrigin;
import org.chapkit.task.MissedRunPolicy;
import org.chapkit.task.TaskDefinition;
import org.chapkit.task.TaskDisabledException;
import org.chapkit.task.TaskExecutionAccepted;
import org.chapkit.task.TaskManager;
import org.chapkit.time.UtcTimestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.format.datetime.standard.DurationFormatterUtils;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schedules feature: validated CRUD, enable/disable, manual triggers, syncing schedules declared in code, and
 * firing due schedules. Firing claims each tick with a compare-and-set in the transaction that submits its jobs,
 * so that with several instances each tick runs exactly once.
 */
public class ScheduleManager {

    private static final Logger log = LoggerFactory.getLogger(ScheduleManager.class);
    private static final int GAP_SAMPLES = 5;

    /** Most fire times one {@link #preview} answers. */
    public static final int MAX_PREVIEW_RUNS = 50;

    private final ScheduleStore store;
    private final TaskManager tasks;
    private final ScheduleSettings settings;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ObjectMapper mapper;
    private final EventPublisher events;
    private final MeterRegistry meters;

    /** The timer of how late each fired tick was: from its due time to the poll that fired it. */
    public static final String LAG_METER = "chapkit.schedules.lag";

    public ScheduleManager(
            ScheduleStore store,
            TaskManager tasks,
            ScheduleSettings settings,
            Clock clock,
            TransactionTemplate transactions,
            ObjectMapper mapper) {
        this(store, tasks, settings, clock, transactions, mapper, EventPublisher.NONE);
    }

    /**
     * @param store the schedules table
     * @param tasks the tasks schedules run
     * @param settings polling and missed-run settings
     * @param clock the source of ticks
     * @param transactions runs each firing in one transaction
     * @param mapper reads and writes params
     * @param events where {@code org.chapkit.schedule.*} events go, in the transaction of each firing
     */
    public ScheduleManager(
            ScheduleStore store,
            TaskManager tasks,
            ScheduleSettings settings,
            Clock clock,
            TransactionTemplate transactions,
            ObjectMapper mapper,
            EventPublisher events) {
        this(store, tasks, settings, clock, transactions, mapper, events, new CompositeMeterRegistry());
    }

    /**
     * @param store the schedules table
     * @param tasks the tasks schedules run
     * @param settings polling and missed-run settings
     * @param clock the source of ticks
     * @param transactions runs each firing in one transaction
     * @param mapper reads and writes params
     * @param events where {@code org.chapkit.schedule.*} events go, in the transaction of each firing
     * @param meters where the schedule lag goes: timer {@value #LAG_METER}, tagged {@code schedule}, one sample per
     *     fired tick (from the tick's due time to its firing)
     */
    public ScheduleManager(
            ScheduleStore store,
            TaskManager tasks,
            ScheduleSettings settings,
            Clock clock,
            TransactionTemplate transactions,
            ObjectMapper mapper,
            EventPublisher events,
            MeterRegistry meters) {
        this.meters = java.util.Objects.requireNonNull(meters, "meters");
        this.events = events;
        this.store = store;
        this.tasks = tasks;
        this.settings = settings;
        this.clock = clock;
        this.transactions = transactions;
        this.mapper = mapper;
    }

    /** All schedules, or those of one task. */
    public List<Schedule> list(String task) {
        return store.list(task);
    }

    /** One schedule; 400 for a malformed id, 404 when absent. */
    public Schedule get(String id) {
        String ulid = Ulids.requireValid(id);
        return store.find(ulid).orElseThrow(() -> new NotFoundException("Schedule with id " + ulid + " not found"));
    }

    /** Creates a schedule; 400 with field errors when invalid. */
    public Schedule create(ScheduleRequest request) {
        Instant now = Instant.now(clock);
        Valid valid = validate(request, now);
        Schedule schedule = valid.toSchedule(Ulids.newUlid(), now, now, false);
        store.insert(schedule, null);
        return get(schedule.id());
    }

    /** Replaces a schedule's definition; 409 for a schedule declared in code. */
    public Schedule replace(String id, ScheduleRequest request) {
        Schedule existing = get(id);
        requireEditable(existing);
        Instant now = Instant.now(clock);
        Valid valid = validate(request, now);
        store.updateDefinition(valid.toSchedule(existing.id(), existing.createdAt(), now, false));
        return get(existing.id());
    }

    /**
     * The next fire times a schedule would have if it were created now, without storing anything; 400 with the same
     * field errors as {@link #create} when the request is invalid. A disabled request is previewed as if enabled.
     *
     * @param request the schedule to preview
     * @param count how many fire times at most (1 to {@value #MAX_PREVIEW_RUNS})
     * @return the preview, with fewer fire times when the trigger ends (a one-off has one)
     */
    public SchedulePreview preview(ScheduleRequest request, int count) {
        if (count < 1 || count > MAX_PREVIEW_RUNS) {
            throw ValidationFailedException.invalid(
                    FieldError.query("count", "must be between 1 and " + MAX_PREVIEW_RUNS + ", got " + count));
        }
        Instant now = Instant.now(clock);
        Valid valid = validate(request, now);
        List<Instant> runs = new ArrayList<>();
        Instant next = ScheduleCalculator.firstRun(valid.trigger(), now);
        while (next != null && runs.size() < count) {
            runs.add(next);
            next = valid.trigger().nextAfter(next);
        }
        return new SchedulePreview(valid.task(), valid.timeZone(), runs);
    }

    /** Deletes a schedule; 409 for a schedule declared in code. */
    public void delete(String id) {
        Schedule existing = get(id);
        requireEditable(existing);
        store.delete(existing.id());
    }

    /** Enables (its next tick counted from now) or disables a schedule. */
    public Schedule setEnabled(String id, boolean enabled) {
        Schedule existing = get(id);
        Instant now = Instant.now(clock);
        Instant next = existing.nextRunAt();
        if (enabled && !existing.enabled()) {
            ScheduleTrigger trigger = trigger(existing);
            next = trigger instanceof ScheduleTrigger.Once && existing.lastRunAt() != null
                    ? null
                    : ScheduleCalculator.firstRun(trigger, now);
        }
        store.setEnabled(existing.id(), enabled, next, now);
        return get(existing.id());
    }

    /** Runs a schedule's task now, outside its ticks; the answer of {@code $execute}. */
    public TaskExecutionAccepted trigger(String id) {
        Schedule schedule = get(id);
        Instant now = Instant.now(clock);
        TaskExecutionAccepted accepted =
                tasks.execute(schedule.task(), schedule.params(), new ExecutionOrigin(schedule.id(), now));
        store.recordRun(schedule.id(), now, accepted.jobId(), now);
        return accepted;
    }

    /**
     * Fires every due schedule once: plans its ticks under the missed-run policy, claims them with a
     * compare-and-set, and submits one job per tick to run, all in one transaction per schedule. A schedule
     * claimed by another instance in the meantime is left alone. Schedules of orphaned tasks are not fired;
     * schedules of disabled tasks advance without running.
     *
     * @return how many jobs were submitted
     */
    public int fireDue(int limit) {
        Instant now = Instant.now(clock);
        int submitted = 0;
        for (Schedule schedule : store.due(now, limit)) {
            if (!tasks.registry().contains(schedule.task())) {
                continue;
            }
            submitted += Objects.requireNonNullElse(transactions.execute(status -> fire(schedule, now)), 0);
        }
        return submitted;
    }

    private int fire(Schedule schedule, Instant now) {
        FiringPlan plan = ScheduleCalculator.plan(
                trigger(schedule),
                schedule.nextRunAt(),
                now,
                schedule.missedRunPolicy(),
                schedule.missedRunCap(),
                settings.missedRunGrace());
        if (!store.claim(schedule.id(), schedule.nextRunAt(), plan.nextRunAt(), now)) {
            return 0;
        }
        if (plan.skipped() > 0) {
            log.info(
                    "Schedule {} of task '{}' skipped {} missed tick(s) ({})",
                    schedule.id(),
                    schedule.task(),
                    plan.skipped(),
                    schedule.missedRunPolicy().wire());
            events.publish(new ScheduleMissed(
                    schedule.id(),
                    schedule.task(),
                    plan.skipped(),
                    schedule.missedRunPolicy().wire()));
        }
        if (!tasks.isEnabled(schedule.task())) {
            return 0;
        }
        int submitted = 0;
        for (Instant tick : plan.runs()) {
            TaskExecutionAccepted accepted;
            try {
                accepted = tasks.execute(schedule.task(), schedule.params(), new ExecutionOrigin(schedule.id(), tick));
            } catch (ValidationFailedException | TaskDisabledException ex) {
                // The task's signature changed since the schedule was saved: the tick stays claimed, so that the
                // schedule does not retry it on every poll; the log says why nothing ran.
                log.warn("Schedule {} cannot run task '{}': {}", schedule.id(), schedule.task(), ex.getMessage());
                return submitted;
            }
            store.recordRun(schedule.id(), tick, accepted.jobId(), now);
            Timer.builder(LAG_METER)
                    .description("How late a schedule's tick fired: from its due time to its firing")
                    .tag("schedule", schedule.id())
                    .register(meters)
                    .record(now.isAfter(tick) ? Duration.between(tick, now) : Duration.ZERO);
            events.publish(new ScheduleFired(schedule.id(), schedule.task(), tick, accepted.jobId()));
            submitted++;
        }
        return submitted;
    }

    /**
     * Writes the schedules declared with {@code @Task} into the table at start-up: new ones are created, changed
     * ones updated (their next tick recomputed), unchanged ones keep their next tick so missed-run policies apply
     * across restarts, and those no longer declared by an existing task are deleted. Enabled flags set through the
     * API are kept.
     *
     * @throws InvalidDeclaredScheduleException when a declared schedule is invalid (stops start-up)
     */
    public void syncDeclared() {
        Instant now = Instant.now(clock);
        for (TaskDefinition task : tasks.registry().all()) {
            DeclaredSchedule declared = task.schedule();
            if (declared == null) {
                continue;
            }
            ScheduleRequest request = new ScheduleRequest(
                    task.name(),
                    null,
                    declared.cron(),
                    declared.fixedInterval() == null
                            ? null
                            : declared.fixedInterval().toString(),
                    null,
                    declared.timeZone(),
                    true,
                    declared.missedRunPolicy().wire(),
                    declared.missedRunCap());
            Valid valid;
            try {
                valid = validate(request, now);
            } catch (ValidationFailedException ex) {
                throw new InvalidDeclaredScheduleException(task.name(), ex.getMessage(), ex);
            }
            Schedule existing = store.findDeclared(task.name()).orElse(null);
            if (existing == null) {
                try {
                    store.insert(valid.toSchedule(Ulids.newUlid(), now, now, true), task.name());
                } catch (DuplicateKeyException ex) {
                    // Another instance starting at the same time created it.
                }
            } else if (!valid.sameDefinitionAs(existing)) {
                Schedule updated = valid.toSchedule(existing.id(), existing.createdAt(), now, true);
                store.updateDefinition(new Schedule(
                        updated.id(),
                        updated.task(),
                        updated.params(),
                        updated.cron(),
                        updated.interval(),
                        updated.runAt(),
                        updated.timeZone(),
                        existing.enabled(),
                        updated.missedRunPolicy(),
                        updated.missedRunCap(),
                        existing.enabled() ? updated.nextRunAt() : existing.nextRunAt(),
                        existing.lastRunAt(),
                        existing.lastJobId(),
                        true,
                        updated.createdAt(),
                        updated.updatedAt()));
            }
        }
        for (Schedule schedule : store.listDeclared()) {
            tasks.registry()
                    .find(schedule.task())
                    .filter(t -> t.schedule() == null)
                    .ifPresent(t -> store.delete(schedule.id()));
        }
    }

    private static void requireEditable(Schedule schedule) {
        if (schedule.declaredInCode()) {
            throw new ConflictException("Schedule " + schedule.id() + " is declared in code by task '"
                    + schedule.task() + "'; change the @Task annotation instead (it can still be enabled, disabled"
                    + " and triggered)");
        }
    }

    private ScheduleTrigger trigger(Schedule schedule) {
        if (schedule.cron() != null) {
            return new ScheduleTrigger.Cron(
                    CronExpression.parse(normalizeCron(schedule.cron())), ZoneId.of(schedule.timeZone()));
        }
        if (schedule.interval() != null) {
            return new ScheduleTrigger.Interval(Duration.parse(schedule.interval()));
        }
        return new ScheduleTrigger.Once(schedule.runAt());
    }

    /** Spring cron has a seconds field; a 5-field Unix expression runs at second 0. */
    static String normalizeCron(String cron) {
        String trimmed = cron.trim();
        return !trimmed.startsWith("@") && trimmed.split("\\s+").length == 5 ? "0 " + trimmed : trimmed;
    }

    private Valid validate(ScheduleRequest request, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        TaskDefinition task = null;
        if (request.task() == null || request.task().isBlank()) {
            errors.add(new FieldError("task", "is required"));
        } else {
            task = tasks.registry().find(request.task()).orElse(null);
            if (task == null) {
                errors.add(new FieldError("task", "unknown task '" + request.task() + "'"));
            }
        }
        ObjectNode params = mapper.createObjectNode();
        JsonNode given = request.params();
        if (given != null && !given.isNull() && !given.isObject()) {
            errors.add(new FieldError("params", "must be a JSON object"));
        } else if (task != null) {
            try {
                params = tasks.bind(task.name(), given).params();
            } catch (ValidationFailedException ex) {
                errors.addAll(ex.fieldErrors());
            }
        }
        ZoneId zone = ZoneId.of("UTC");
        String zoneText = request.timeZone() == null || request.timeZone().isBlank() ? "UTC" : request.timeZone();
        try {
            zone = ZoneId.of(zoneText);
        } catch (DateTimeException ex) {
            errors.add(new FieldError("time_zone", "unknown time zone '" + zoneText + "'"));
        }
        int kinds = (blank(request.cron()) ? 0 : 1)
                + (blank(request.interval()) ? 0 : 1)
                + (blank(request.runAt()) ? 0 : 1);
        ScheduleTrigger trigger = null;
        Duration interval = null;
        Instant runAt = null;
        if (kinds != 1) {
            errors.add(new FieldError(
                    kinds == 0 ? "cron" : "interval", "exactly one of cron, interval and run_at is required"));
        } else if (!blank(request.cron())) {
            try {
                trigger = new ScheduleTrigger.Cron(CronExpression.parse(normalizeCron(request.cron())), zone);
                Duration gap = ScheduleCalculator.shortestGap(trigger, now, GAP_SAMPLES);
                if (gap == null) {
                    errors.add(new FieldError("cron", "never fires"));
                } else if (gap.compareTo(settings.minInterval()) < 0) {
                    errors.add(new FieldError(
                            "cron",
                            "fires every " + gap + ", more often than the minimum interval " + settings.minInterval()));
                }
            } catch (IllegalArgumentException ex) {
                errors.add(
                        new FieldError("cron", "invalid cron expression '" + request.cron() + "': " + ex.getMessage()));
            }
        } else if (!blank(request.interval())) {
            try {
                interval =
                        DurationFormatterUtils.detectAndParse(request.interval().trim());
                if (interval.compareTo(settings.minInterval()) < 0) {
                    errors.add(new FieldError(
                            "interval", "must be at least " + settings.minInterval() + ", got " + interval));
                } else {
                    trigger = new ScheduleTrigger.Interval(interval);
                }
            } catch (IllegalArgumentException ex) {
                errors.add(new FieldError(
                        "interval",
                        "'" + request.interval() + "' is not a duration; write for example 30s, 5m, 1h or PT30S"));
            }
        } else {
            runAt = parseRunAt(request.runAt(), zone, errors);
            if (runAt != null && !runAt.isAfter(now)) {
                errors.add(new FieldError("run_at", "must be in the future, got " + runAt));
            } else if (runAt != null) {
                trigger = new ScheduleTrigger.Once(runAt);
            }
        }
        MissedRunPolicy policy = MissedRunPolicy.SKIP;
        if (!blank(request.missedRunPolicy())) {
            try {
                policy = MissedRunPolicy.parse(request.missedRunPolicy());
            } catch (IllegalArgumentException ex) {
                errors.add(new FieldError("missed_run_policy", ex.getMessage()));
            }
        }
        int cap = request.missedRunCap() == null ? settings.defaultMissedRunCap() : request.missedRunCap();
        if (cap < 1 || cap > settings.maxMissedRunCap()) {
            errors.add(new FieldError(
                    "missed_run_cap", "must be between 1 and " + settings.maxMissedRunCap() + ", got " + cap));
        }
        if (!errors.isEmpty()) {
            throw ValidationFailedException.invalid("schedule", errors);
        }
        boolean enabled = request.enabled() == null || request.enabled();
        return new Valid(
                task.name(),
                params,
                blank(request.cron()) ? null : request.cron().trim(),
                interval,
                runAt,
                zone.getId(),
                enabled,
                policy,
                cap,
                enabled ? ScheduleCalculator.firstRun(trigger, now) : null,
                trigger);
    }

    private static Instant parseRunAt(String text, ZoneId zone, List<FieldError> errors) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeParseException local) {
                errors.add(new FieldError(
                        "run_at", "'" + text + "' is not an ISO-8601 date-time such as 2026-01-31T02:00:00Z"));
                return null;
            }
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private record Valid(
            String task,
            ObjectNode params,
            String cron,
            Duration interval,
            Instant runAt,
            String timeZone,
            boolean enabled,
            MissedRunPolicy policy,
            int cap,
            Instant nextRunAt,
            ScheduleTrigger trigger) {

        Schedule toSchedule(String id, Instant createdAt, Instant now, boolean declared) {
            return new Schedule(
                    id,
                    task,
                    params,
                    cron,
                    interval == null ? null : interval.toString(),
                    UtcTimestamps.truncate(runAt),
                    timeZone,
                    enabled,
                    policy,
                    cap,
                    UtcTimestamps.truncate(nextRunAt),
                    null,
                    null,
                    declared,
                    UtcTimestamps.truncate(createdAt),
                    UtcTimestamps.truncate(now));
        }

        boolean sameDefinitionAs(Schedule schedule) {
            return Objects.equals(cron, schedule.cron())
                    && Objects.equals(interval == null ? null : interval.toString(), schedule.interval())
                    && timeZone.equals(schedule.timeZone())
                    && policy == schedule.missedRunPolicy()
                    && cap == schedule.missedRunCap();
        }
    }
}
