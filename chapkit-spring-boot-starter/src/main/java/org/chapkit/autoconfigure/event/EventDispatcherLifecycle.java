package org.chapkit.autoconfigure.event;

import org.chapkit.event.EventDispatcher;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the {@link EventDispatcher} once every bean (every destination) exists, before the job system, and stops it
 * after the job system, so that the events of jobs ending at shutdown are still delivered when they can be.
 */
final class EventDispatcherLifecycle implements SmartLifecycle {

    /** Below the job system's phase ({@code DEFAULT_PHASE - 4096}): starts before it, stops after it. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 8192;

    private final EventDispatcher dispatcher;

    EventDispatcherLifecycle(EventDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void start() {
        dispatcher.start();
    }

    @Override
    public void stop() {
        dispatcher.stop();
    }

    @Override
    public boolean isRunning() {
        return dispatcher.isRunning();
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
