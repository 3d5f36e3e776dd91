package org.chapkit.autoconfigure.ml;

import org.chapkit.ml.runner.ModelRunner;
import org.chapkit.ml.shell.ShellModelRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * At start-up, before jobs run, kills the processes and deletes the workspaces that shell runs of an earlier, dead
 * JVM left behind (kill -9 during a training); does nothing for other runners.
 */
final class ShellLeftoversCleanup implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ShellLeftoversCleanup.class);

    private final ModelRunner<?, ?> runner;
    private volatile boolean running;

    ShellLeftoversCleanup(ModelRunner<?, ?> runner) {
        this.runner = runner;
    }

    @Override
    public void start() {
        if (runner instanceof ShellModelRunner<?> shell) {
            int cleaned = shell.cleanLeftovers();
            if (cleaned > 0) {
                log.info("Cleaned {} shell run(s) left behind by an earlier process", cleaned);
            }
        }
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
        return Integer.MIN_VALUE; // first: only runs of dead JVMs are touched, so jobs may already run
    }
}
