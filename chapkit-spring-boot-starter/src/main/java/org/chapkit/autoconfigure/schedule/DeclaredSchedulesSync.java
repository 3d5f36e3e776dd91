package org.chapkit.autoconfigure.schedule;

import org.chapkit.schedule.ScheduleManager;
import org.springframework.context.SmartLifecycle;

/**
 * Writes the schedules declared with {@code @Task} into the table when the context starts, after every task has
 * been discovered (discovery runs when all singletons exist, before lifecycle start).
 */
final class DeclaredSchedulesSync implements SmartLifecycle {

    private final ScheduleManager schedules;
    private volatile boolean running;

    DeclaredSchedulesSync(ScheduleManager schedules) {
        this.schedules = schedules;
    }

    @Override
    public void start() {
        schedules.syncDeclared();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Before the web server starts taking requests (its phase is close to Integer.MAX_VALUE).
        return 0;
    }
}
