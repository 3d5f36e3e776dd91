package org.chapkit.benchmarks.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.chapkit.benchmarks.harness.HarnessContext;
import org.chapkit.benchmarks.harness.Medians;
import org.chapkit.benchmarks.harness.Row;
import org.chapkit.benchmarks.harness.Suite;
import org.chapkit.job.JobContext;
import org.chapkit.job.JobHandler;
import org.chapkit.job.JobManager;
import org.chapkit.job.JobType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Two chapkit services in this JVM on the run's PostgreSQL, each in a schema of its own: one with events off
 * ({@code chapkit.events.enabled=false}), one with events on and delivered to the real RabbitMQ on
 * {@code --rabbitmq-host}:{@code --rabbitmq-port} (127.0.0.1:5672, guest/guest) through {@code chapkit-events-rabbitmq}.
 * Each round submits {@code --events-jobs} (2,000) no-op jobs from 4 threads to the one and then to the other (4
 * workers, polling 100 ms, as the jobs suite) and times them until the last is completed ({@code chapkit.jobs.completed});
 * with events on, it also times until a consumer bound to the exchange with {@code #} has received every event of
 * the round (submitted, started, completed: 3 per job). One warm-up round, then {@code --events-rounds} (3) measured;
 * medians.
 */
public final class EventsSuite implements Suite {

    private static final Logger log = LoggerFactory.getLogger(EventsSuite.class);
    private static final String JOBS = "9. trivial jobs/s with events to RabbitMQ vs events off";
    private static final String EVENTS = "9. events/s through the outbox to RabbitMQ, jobs running";
    private static final int SUBMITTERS = 4;
    private static final int EVENTS_PER_JOB = 3;
    static final JobType<String> NOOP = JobType.of("bench.noop", String.class);

    @Override
    public String name() {
        return "events";
    }

    @Override
    public List<Row> placeholders() {
        return List.of(Row.notMeasured(JOBS, "≥ 0.8×", ""), Row.notMeasured(EVENTS, "", ""));
    }

    @Override
    public List<Row> run(HarnessContext context) throws Exception {
        String host = context.options().getOrDefault("rabbitmq-host", "127.0.0.1");
        int port = context.intOption("rabbitmq-port", 5672);
        int jobs = context.intOption("events-jobs", 2000);
        int rounds = context.intOption("events-rounds", 3);
        requireReachable(host, port);
        String exchange = "chapkit-events-benchmark-" + System.nanoTime();
        CachingConnectionFactory connections = new CachingConnectionFactory(host, port);
        AtomicLong received = new AtomicLong();
        AtomicLong lastArrival = new AtomicLong();
        RabbitAdmin admin = new RabbitAdmin(connections);
        TopicExchange topic = new TopicExchange(exchange, true, false);
        Queue queue = new Queue(exchange + ".all", false, false, true);
        admin.declareExchange(topic);
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(topic).with("#"));
        SimpleMessageListenerContainer consumer = new SimpleMessageListenerContainer(connections);
        consumer.setQueueNames(queue.getName());
        consumer.setPrefetchCount(250);
        consumer.setMessageListener(message -> {
            received.incrementAndGet();
            lastArrival.set(System.nanoTime());
        });
        consumer.start();
        try (ConfigurableApplicationContext off = start(context, "events_off", false, host, port, exchange);
                ConfigurableApplicationContext on = start(context, "events_on", true, host, port, exchange)) {
            List<Double> offRates = new ArrayList<>();
            List<Double> onRates = new ArrayList<>();
            List<Double> eventRates = new ArrayList<>();
            for (int round = 0; round <= rounds; round++) {
                double offRate = jobsPerSecond(off, jobs);
                long before = received.get();
                long start = System.nanoTime();
                double onRate = jobsPerSecond(on, jobs);
                long expected = before + (long) jobs * EVENTS_PER_JOB;
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
                while (received.get() < expected) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(
                                "RabbitMQ got " + (received.get() - before) + " of " + (expected - before) + " events");
                    }
                    TimeUnit.MILLISECONDS.sleep(2);
                }
                double eventRate = (double) (expected - before) / ((lastArrival.get() - start) / 1e9);
                log.info(
                        "events round {}: jobs/s off {} on {}, events/s to RabbitMQ {}",
                        round,
                        Math.round(offRate),
                        Math.round(onRate),
                        Math.round(eventRate));
                if (round > 0) {
                    offRates.add(offRate);
                    onRates.add(onRate);
                    eventRates.add(eventRate);
                }
            }
            double onJobs = Medians.of(onRates);
            double offJobs = Medians.of(offRates);
            String how = String.format(
                    "median of %d rounds × %,d no-op jobs from %d threads, 4 workers; two services in one JVM on one"
                            + " PostgreSQL, alternated; baseline = chapkit.events.enabled=false",
                    rounds, jobs, SUBMITTERS);
            return List.of(
                    new Row(JOBS, onJobs, offJobs, "≥ 0.8×", onJobs / offJobs >= 0.8, how),
                    new Row(
                            EVENTS,
                            Medians.of(eventRates),
                            null,
                            "",
                            null,
                            "3 events per job (submitted, started, completed), first submit → last event at a"
                                    + " consumer; one event per publisher confirm (no batching in the SPI)"));
        } finally {
            consumer.stop();
            admin.deleteQueue(queue.getName());
            admin.deleteExchange(exchange);
            connections.destroy();
        }
    }

    private static double jobsPerSecond(ConfigurableApplicationContext service, int jobs) throws InterruptedException {
        JobManager manager = service.getBean(JobManager.class);
        MeterRegistry meters = service.getBean(MeterRegistry.class);
        double before = completed(meters);
        long start = System.nanoTime();
        try (ExecutorService submitters = Executors.newFixedThreadPool(SUBMITTERS)) {
            for (int s = 0; s < SUBMITTERS; s++) {
                int share = jobs / SUBMITTERS + (s < jobs % SUBMITTERS ? 1 : 0);
                submitters.execute(() -> {
                    for (int i = 0; i < share; i++) {
                        manager.submit(NOOP, "x");
                    }
                });
            }
        }
        while (completed(meters) - before < jobs) {
            TimeUnit.MILLISECONDS.sleep(1);
        }
        return jobs / ((System.nanoTime() - start) / 1e9);
    }

    /** Every {@code chapkit.jobs.completed} counter (one per tag set), summed; counted after the final commit. */
    private static double completed(MeterRegistry meters) {
        return meters.find("chapkit.jobs.completed").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private static ConfigurableApplicationContext start(
            HarnessContext context, String schema, boolean events, String host, int port, String exchange) {
        List<String> args = new ArrayList<>(List.of(context.datasourceArgs()));
        args.addAll(List.of(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--chapkit.service.id=events-benchmark",
                "--chapkit.database.schema=" + schema,
                "--chapkit.jobs.instance-name=" + schema,
                "--chapkit.jobs.max-concurrency=4",
                "--chapkit.jobs.polling-interval=100ms",
                "--chapkit.registration.enabled=false",
                "--chapkit.events.enabled=" + events,
                "--chapkit.events.rabbitmq.enabled=" + events,
                "--chapkit.events.rabbitmq.exchange=" + exchange,
                "--spring.rabbitmq.host=" + host,
                "--spring.rabbitmq.port=" + port));
        return new SpringApplication(Service.class).run(args.toArray(String[]::new));
    }

    private static void requireReachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
        } catch (IOException ex) {
            throw new IllegalStateException(
                    "RabbitMQ is not reachable on " + host + ":" + port + " (--rabbitmq-host, --rabbitmq-port)", ex);
        }
    }

    /** A chapkit service whose only job type does nothing. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Service {

        @Bean
        JobHandler<String> noopHandler() {
            return new JobHandler<>() {
                @Override
                public JobType<String> jobType() {
                    return NOOP;
                }

                @Override
                public String run(String payload, JobContext context) {
                    return null;
                }
            };
        }
    }
}
