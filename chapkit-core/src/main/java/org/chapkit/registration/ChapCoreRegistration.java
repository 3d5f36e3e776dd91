package org.chapkit.registration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.chapkit.registration.internal.ChapCoreRegistryClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Keeps this service registered with chap-core: registers once {@link #start started}, sends a keepalive every
 * {@link RegistrationSettings#keepaliveInterval()}, registers again when chap-core answers 404 (it restarted or let
 * the entry expire), backs off exponentially with jitter after any failure (401, 5xx, unreachable), and deregisters
 * on {@link #close()}. In a cluster only the instance holding the {@link RegistrationLease} talks to chap-core.
 *
 * <p>Two single-thread executors: one takes or renews the lease every {@link RegistrationSettings#leaseCheckPeriod()},
 * so a slow chap-core cannot delay a renewal; the other sends the HTTP requests. A change of holder starts a new
 * chain of requests (a new generation); steps of an older chain stop at their next turn.
 */
public final class ChapCoreRegistration implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChapCoreRegistration.class);

    private final RegistrationSettings settings;
    private final ChapCoreRegistryClient client;
    private final RegistrationLease lease;
    private final Supplier<?> info;
    private final Clock clock;
    private final RandomGenerator random;
    private final Meters meters;
    private final ScheduledExecutorService leaseExecutor;
    private final ScheduledExecutorService registryExecutor;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object lock = new Object();

    // guarded by lock
    private boolean holding;
    private long generation;
    private RegistrationStatus status;

    // lease thread only
    private long leaseValidUntil;

    // registry thread only
    private URI pingUrl;
    private boolean registered;
    private int consecutiveFailures;
    private String lastReason;

    /**
     * A registration that does nothing until {@link #start}.
     *
     * @param settings service id, keepalive interval, backoff
     * @param client the HTTP client of chap-core's registry
     * @param lease decides whether this instance holds the registration
     * @param info supplies the {@code /api/v1/info} document sent with each registration
     * @param meters where attempts, failures and the last success are recorded
     * @param clock for the last-success time
     * @param random jitter of the backoff
     */
    public ChapCoreRegistration(
            RegistrationSettings settings,
            ChapCoreRegistryClient client,
            RegistrationLease lease,
            Supplier<?> info,
            MeterRegistry meters,
            Clock clock,
            RandomGenerator random) {
        this.settings = settings;
        this.client = client;
        this.lease = lease;
        this.info = info;
        this.clock = clock;
        this.random = random;
        this.meters = new Meters(meters);
        this.leaseExecutor = Executors.newSingleThreadScheduledExecutor(daemon("chapkit-registration-lease"));
        this.registryExecutor = Executors.newSingleThreadScheduledExecutor(daemon("chapkit-registration"));
        this.status = new RegistrationStatus(
                RegistrationState.STARTING,
                settings.serviceId(),
                client.registerUrl(),
                null,
                null,
                lease.self(),
                null,
                null,
                0,
                0);
        Gauge.builder(
                        "chapkit.registration.registered",
                        this,
                        registration -> registration.status().state() == RegistrationState.REGISTERED ? 1 : 0)
                .description("1 while this instance holds an accepted registration with chap-core, else 0")
                .register(meters);
    }

    /**
     * Starts taking the lease and, while holding it, registering and sending keepalives. Call once the service is
     * ready: chap-core calls {@code advertisedUrl} as soon as the registration succeeds.
     *
     * @param advertisedUrl where chap-core reaches the service (the load balancer's URL in a cluster)
     */
    public void start(URI advertisedUrl) {
        Objects.requireNonNull(advertisedUrl, "advertisedUrl");
        if (closed.get() || !started.compareAndSet(false, true)) {
            return;
        }
        synchronized (lock) {
            status = withState(RegistrationState.STANDBY, status.lastError(), advertisedUrl, null);
        }
        log.info(
                "Registering service '{}' at {} with chap-core {} ({})",
                settings.serviceId(),
                advertisedUrl,
                client.registerUrl(),
                lease.self());
        long period = settings.leaseCheckPeriod().toNanos();
        leaseExecutor.scheduleWithFixedDelay(this::checkLease, 0, period, TimeUnit.NANOSECONDS);
    }

    /** The registration as it stands now. */
    public RegistrationStatus status() {
        synchronized (lock) {
            return status;
        }
    }

    private void checkLease() {
        if (closed.get()) {
            return;
        }
        boolean held;
        try {
            held = lease.acquire();
            if (held) {
                leaseValidUntil = System.nanoTime() + settings.leaseDuration().toNanos();
            }
        } catch (DataAccessException ex) {
            // The database is unreachable: keep what we had until our lease would have run out.
            held = holdingNow() && System.nanoTime() - leaseValidUntil < 0;
            log.warn("Cannot take or renew the registration lease: {}", ex.getMessage());
        } catch (RuntimeException ex) {
            // A periodic task that throws is never run again: report, stand down, and try at the next check.
            held = false;
            log.error("Taking the registration lease failed", ex);
        }
        long chain = -1;
        synchronized (lock) {
            if (held && !holding) {
                holding = true;
                chain = ++generation;
            } else if (!held && holding) {
                holding = false;
                generation++;
                status = withState(RegistrationState.STANDBY, null, status.advertisedUrl(), null);
                log.info("Another instance holds the chap-core registration of '{}' now", settings.serviceId());
            } else if (!held) {
                status = withState(RegistrationState.STANDBY, status.lastError(), status.advertisedUrl(), null);
            }
        }
        if (chain >= 0) {
            long firstStep = chain;
            registryExecutor.execute(() -> beginChain(firstStep));
        }
    }

    private boolean holdingNow() {
        synchronized (lock) {
            return holding;
        }
    }

    private void beginChain(long chain) {
        pingUrl = null;
        consecutiveFailures = 0;
        lastReason = null;
        step(chain);
    }

    private void step(long chain) {
        if (!current(chain)) {
            return;
        }
        Duration next;
        try {
            next = pingUrl == null ? register(chain) : ping(chain);
        } catch (RuntimeException ex) {
            // e.g. the info document cannot be produced; without this the keepalive chain would end silently
            log.error("Registration step failed", ex);
            next = failed(chain, "register", new RegistryReply.Unreachable("Registration step failed: " + ex));
        }
        if (current(chain)) {
            registryExecutor.schedule(() -> step(chain), next.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private boolean current(long chain) {
        synchronized (lock) {
            return !closed.get() && holding && generation == chain;
        }
    }

    private Duration register(long chain) {
        URI advertised = status().advertisedUrl();
        RegistryReply reply =
                meters.count("register", () -> client.register(settings.serviceId(), advertised, info.get()));
        if (reply instanceof RegistryReply.Registered ok) {
            boolean again = registered;
            pingUrl = ok.pingUrl();
            registered = true;
            succeeded(chain);
            log.info(
                    "{} with chap-core as '{}' at {} (ttl {} s, keepalive every {})",
                    again ? "Registered again" : "Registered",
                    settings.serviceId(),
                    advertised,
                    ok.ttl().toSeconds(),
                    settings.keepaliveInterval());
            return settings.keepaliveInterval();
        }
        return failed(chain, "register", (RegistryReply.Failure) reply);
    }

    private Duration ping(long chain) {
        RegistryReply reply = meters.count("ping", () -> client.ping(pingUrl));
        if (reply instanceof RegistryReply.Alive) {
            succeeded(chain);
            return settings.keepaliveInterval();
        }
        RegistryReply.Failure failure = (RegistryReply.Failure) reply;
        if (failure instanceof RegistryReply.NotFound) {
            // chap-core forgot us (restart, or the entry expired): register again right away, once.
            log.warn(
                    "chap-core no longer knows '{}' ({}); registering again", settings.serviceId(), failure.describe());
            pingUrl = null;
            meters.failed("ping", failure.reason());
            publish(chain, RegistrationState.RETRYING, failure.describe());
            return Duration.ZERO;
        }
        return failed(chain, "ping", failure);
    }

    private void succeeded(long chain) {
        consecutiveFailures = 0;
        lastReason = null;
        Instant now = clock.instant();
        meters.succeeded(now);
        synchronized (lock) {
            if (holding && generation == chain) {
                status = new RegistrationStatus(
                        RegistrationState.REGISTERED,
                        status.serviceId(),
                        status.registerUrl(),
                        status.advertisedUrl(),
                        pingUrl,
                        status.instance(),
                        now,
                        null,
                        meters.attempts(),
                        meters.failures());
            }
        }
    }

    private Duration failed(long chain, String operation, RegistryReply.Failure failure) {
        consecutiveFailures++;
        meters.failed(operation, failure.reason());
        Duration delay = settings.backoff().delay(consecutiveFailures, random);
        if (!failure.reason().equals(lastReason)) {
            log.warn(
                    "chap-core {} of '{}' failed: {}; retrying with backoff (next in {} ms)",
                    operation,
                    settings.serviceId(),
                    failure.describe(),
                    delay.toMillis());
        } else {
            log.debug(
                    "chap-core {} failed again ({} in a row): {}", operation, consecutiveFailures, failure.describe());
        }
        lastReason = failure.reason();
        publish(chain, RegistrationState.RETRYING, failure.describe());
        return delay;
    }

    private void publish(long chain, RegistrationState state, String error) {
        synchronized (lock) {
            if (holding && generation == chain) {
                status = withState(state, error, status.advertisedUrl(), pingUrl);
            }
        }
    }

    private RegistrationStatus withState(RegistrationState state, String error, URI advertised, URI ping) {
        return new RegistrationStatus(
                state,
                status.serviceId(),
                status.registerUrl(),
                advertised,
                ping,
                status.instance(),
                status.lastSuccess(),
                error,
                meters.attempts(),
                meters.failures());
    }

    /**
     * Stops the keepalives, deregisters when this instance holds the registration, and gives up the lease so
     * another instance takes over at its next check. Waits at most about two request time-outs.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        leaseExecutor.shutdown();
        try {
            leaseExecutor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        boolean wasHolding = holdingNow();
        if (started.get()) {
            Future<?> last = registryExecutor.submit(() -> {
                if (wasHolding && registered) {
                    RegistryReply reply = meters.count("deregister", () -> client.deregister(settings.serviceId()));
                    if (reply instanceof RegistryReply.Failure failure) {
                        meters.failed("deregister", failure.reason());
                        log.warn(
                                "Deregistering '{}' from chap-core failed: {}",
                                settings.serviceId(),
                                failure.describe());
                    } else {
                        log.info("Deregistered '{}' from chap-core", settings.serviceId());
                    }
                }
            });
            awaitQuietly(last);
        }
        registryExecutor.shutdownNow();
        if (wasHolding) {
            try {
                lease.release();
            } catch (DataAccessException ex) {
                log.warn("Cannot release the registration lease (it expires by itself): {}", ex.getMessage());
            }
        }
        client.close();
        synchronized (lock) {
            holding = false;
            status = withState(RegistrationState.STOPPED, status.lastError(), status.advertisedUrl(), null);
        }
    }

    private static void awaitQuietly(Future<?> task) {
        try {
            task.get(1, TimeUnit.MINUTES);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException ex) {
            log.warn("Deregistration did not finish: {}", ex.toString());
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The registration's Micrometer meters. */
    private static final class Meters {
        private final MeterRegistry registry;
        private final AtomicLong attempts = new AtomicLong();
        private final AtomicLong failures = new AtomicLong();
        private final AtomicLong lastSuccessMillis = new AtomicLong(-1);

        Meters(MeterRegistry registry) {
            this.registry = registry;
            Gauge.builder(
                            "chapkit.registration.last.success",
                            lastSuccessMillis,
                            v -> v.get() < 0 ? Double.NaN : v.get() / 1000.0)
                    .baseUnit("seconds")
                    .description("When chap-core last accepted a registration or keepalive (seconds since the epoch)")
                    .register(registry);
        }

        RegistryReply count(String operation, Supplier<RegistryReply> call) {
            attempts.incrementAndGet();
            Counter.builder("chapkit.registration.attempts")
                    .description("Requests sent to chap-core's service registry")
                    .tag("operation", operation)
                    .register(registry)
                    .increment();
            return call.get();
        }

        void failed(String operation, String reason) {
            failures.incrementAndGet();
            Counter.builder("chapkit.registration.failures")
                    .description("Requests to chap-core's service registry that failed")
                    .tag("operation", operation)
                    .tag("reason", reason)
                    .register(registry)
                    .increment();
        }

        void succeeded(Instant at) {
            lastSuccessMillis.set(at.toEpochMilli());
        }

        long attempts() {
            return attempts.get();
        }

        long failures() {
            return failures.get();
        }
    }
}
