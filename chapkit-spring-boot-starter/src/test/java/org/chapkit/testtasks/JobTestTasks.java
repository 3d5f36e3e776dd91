package org.chapkit.testtasks;

import jakarta.validation.constraints.NotBlank;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.chapkit.TestModelConfig;
import org.chapkit.artifact.ArtifactManager;
import org.chapkit.config.ConfigManager;
import org.chapkit.job.JobContext;
import org.chapkit.task.Task;

/** Tasks that exercise the job system: injection, retries, concurrency limits, timeouts, caching, schedules. */
public class JobTestTasks {

    /** How often each task body ran, by a key the test chooses (shared by all contexts of the JVM). */
    public static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    private static int count(String key) {
        return CALLS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Receives every framework type. */
    @Task(name = "inject_all", description = "Receives every injectable framework type")
    public Map<String, Object> injectAll(
            ArtifactManager artifacts,
            ConfigManager<?> configs,
            JobContext context,
            TestModelConfig config,
            String note) {
        context.reportProgress(0.5, "half way");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("artifacts_counted", artifacts.count() >= 0);
        result.put("config_exists", configs.count() > 0);
        result.put("job_id", context.jobId());
        result.put("reserved_artifact_id", context.reservedArtifactId());
        result.put("prediction_periods", config.predictionPeriods());
        result.put("note", note);
        return result;
    }

    /** Fails {@code failures} times, then succeeds; {@code fatal} throws a non-retryable exception. */
    @Task(
            name = "flaky",
            retry =
                    @Task.Retry(
                            maxAttempts = 3,
                            initialDelay = "300ms",
                            multiplier = 2,
                            maxDelay = "1s",
                            jitter = 0,
                            nonRetryable = IllegalArgumentException.class))
    public String flaky(@NotBlank String key, int failures, boolean fatal) {
        int call = count("flaky:" + key);
        if (fatal) {
            throw new IllegalArgumentException("bad input " + key);
        }
        if (call <= failures) {
            throw new IllegalStateException("failure " + call + " of " + key);
        }
        return "ok after " + call;
    }

    /** One run at a time across the cluster. */
    @Task(name = "limited", concurrencyLimit = 1)
    public int limited(String key, int millis) throws InterruptedException {
        count("limited:" + key);
        Thread.sleep(millis);
        return millis;
    }

    /** Cancelled after 300 ms. */
    @Task(name = "slow", timeout = "300ms")
    public String slow(JobContext context, long millis) throws InterruptedException {
        context.onCancel(() -> count("slow-cancel-callback"));
        Thread.sleep(millis);
        return "finished";
    }

    /** A result cached for an hour. */
    @Task(name = "cached_square", cacheTtl = "1h")
    public int cachedSquare(@NotBlank String key, int x) {
        count("square:" + key);
        return x * x;
    }

    /**
     * Declared idempotent, one run at a time across the cluster: a run cut short by its instance's shutdown or death
     * runs again. The first call of a key sleeps {@code millis}, later ones 10 ms; answers which call it was.
     */
    @Task(name = "rerunnable_wait", idempotent = true, concurrencyLimit = 1)
    public int rerunnableWait(String key, long millis) throws InterruptedException {
        int call = count("rerunnable:" + key);
        Thread.sleep(call == 1 ? millis : 10);
        return call;
    }

    /** Not idempotent: a run cut short by its instance's shutdown or death fails. */
    @Task(name = "plain_wait")
    public int plainWait(String key, long millis) throws InterruptedException {
        int call = count("plain:" + key);
        Thread.sleep(millis);
        return call;
    }

    /** A task for schedules: counts its runs. */
    @Task(name = "tick")
    public void tick(String key) {
        count("tick:" + (key == null ? "" : key));
    }
}
