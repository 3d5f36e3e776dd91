package org.chapkit.security.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.chapkit.security.audit.internal.AuditStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;

/**
 * Deletes audit events older than the retention period, once at start and then every {@code interval}. Every
 * instance may run it; the delete is idempotent.
 */
public class AuditRetention implements SmartLifecycle, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    private final AuditStore store;
    private final Clock clock;
    private final Duration retention;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public AuditRetention(AuditStore store, Clock clock, Duration retention, Duration interval) {
        this.store = store;
        this.clock = clock;
        this.retention = retention;
        this.interval = interval;
    }

    /** Deletes the expired events now; returns how many. */
    public int purge() {
        return store.deleteBefore(clock.instant().minus(retention));
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("chapkit-audit-retention").daemon(true).factory());
        executor.scheduleWithFixedDelay(this::purgeAndLog, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void purgeAndLog() {
        try {
            int deleted = purge();
            if (deleted > 0) {
                log.info("Deleted {} audit events older than {}", deleted, retention);
            }
        } catch (DataAccessException ex) {
            // The next round tries again; a failed purge must not stop the schedule.
            log.warn("Could not delete old audit events: {}", ex.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    @Override
    public void close() {
        stop();
    }
}
