package org.chapkit.autoconfigure.job;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.chapkit.autoconfigure.database.ChapkitDatabaseAutoConfiguration;
import org.chapkit.autoconfigure.database.ChapkitSchema;
import org.chapkit.autoconfigure.json.ChapkitJsonConfiguration;
import org.chapkit.autoconfigure.json.ChapkitJsonMapper;
import org.chapkit.autoconfigure.tracing.ChapkitTracingProperties;
import org.chapkit.autoconfigure.web.ChapkitWebAutoConfiguration;
import org.chapkit.cluster.ClusterRoles;
import org.chapkit.cluster.LeaderOnlyWork;
import org.chapkit.db.ChapkitTables;
import org.chapkit.event.EventPublisher;
import org.chapkit.job.JobHandler;
import org.chapkit.job.JobManager;
import org.chapkit.job.JobSettings;
import org.chapkit.job.JobTracing;
import org.chapkit.job.RecurringWork;
import org.chapkit.job.SchedulerBuilderCustomizer;
import org.chapkit.job.internal.JobController;
import org.chapkit.sse.SseStreamer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Durable jobs on db-scheduler: a {@link JobManager} per instance, started once the context has created every bean
 * (a {@code SmartLifecycle}) with every {@link JobHandler} bean and every {@link RecurringWork} bean, stopped
 * gracefully when the context closes; and {@code /api/v1/jobs} in a servlet application. Works without a web
 * server too. Switch off with {@code chapkit.jobs.enabled=false}.
 */
@AutoConfiguration(
        after = {
            ChapkitDatabaseAutoConfiguration.class,
            ChapkitWebAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class,
            CompositeMeterRegistryAutoConfiguration.class
        })
@ConditionalOnClass(JobManager.class)
@ConditionalOnBean({DataSource.class, ChapkitSchema.class})
@ConditionalOnBooleanProperty(name = "chapkit.jobs.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ChapkitJobsProperties.class, ChapkitTracingProperties.class})
@Import(ChapkitJsonConfiguration.class)
public final class ChapkitJobsAutoConfiguration {

    // The lifecycle starts and stops it; close() ends it for good when the context is destroyed.
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    JobManager chapkitJobManager(
            ChapkitSchema schema,
            DataSource dataSource,
            PlatformTransactionManager transactionManager,
            ObjectProvider<SchedulerBuilderCustomizer> customizers,
            ChapkitJsonMapper json,
            ChapkitJobsProperties properties,
            ObjectProvider<MeterRegistry> meterRegistry,
            ObjectProvider<Clock> clock,
            ObjectProvider<EventPublisher> events,
            Environment environment,
            ObjectProvider<ObservationRegistry> observations,
            ChapkitTracingProperties tracing) {
        return new JobManager(
                dataSource,
                transactionManager,
                customizers.orderedStream().toList(),
                json.mapper(),
                settings(
                        properties,
                        schema.tables(),
                        environment.getProperty(
                                "spring.lifecycle.timeout-per-shutdown-phase", Duration.class, DEFAULT_PHASE_TIMEOUT)),
                meterRegistry.getIfAvailable(SimpleMeterRegistry::new),
                clock.getIfAvailable(Clock::systemUTC),
                events.getIfAvailable(() -> EventPublisher.NONE),
                environment.getProperty("chapkit.events.progress-interval", Duration.class, Duration.ofSeconds(1)),
                new JobTracing(
                        tracing.enabled()
                                ? observations.getIfAvailable(() -> ObservationRegistry.NOOP)
                                : ObservationRegistry.NOOP,
                        tracing.jobLinkAfter()));
    }

    @Bean
    JobSystemLifecycle chapkitJobSystemLifecycle(
            JobManager jobs,
            ObjectProvider<JobHandler<?>> handlers,
            ObjectProvider<RecurringWork> recurring,
            ObjectProvider<ClusterRoles> roles,
            ObjectProvider<LeaderOnlyWork> leaderOnly) {
        return new JobSystemLifecycle(jobs, handlers, recurring, roles, leaderOnly);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    JobController chapkitJobController(JobManager jobs, SseStreamer streamer) {
        return new JobController(jobs, streamer);
    }

    /** Spring's default {@code spring.lifecycle.timeout-per-shutdown-phase}. */
    static final Duration DEFAULT_PHASE_TIMEOUT = Duration.ofSeconds(30);

    /** What db-scheduler may take to stop after the drain (its {@code shutdownMaxWait}). */
    static final Duration SCHEDULER_STOP = Duration.ofSeconds(5);

    static JobSettings settings(ChapkitJobsProperties properties, ChapkitTables tables) {
        return settings(properties, tables, DEFAULT_PHASE_TIMEOUT);
    }

    /**
     * The settings; without {@code shutdown-grace}, running jobs get the shutdown phase's timeout less db-scheduler's
     * stop, so that the drain ends within Spring's phase.
     */
    static JobSettings settings(ChapkitJobsProperties properties, ChapkitTables tables, Duration phaseTimeout) {
        String name = properties.instanceName();
        if (name == null || name.isBlank()) {
            name = hostName() + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        }
        return new JobSettings(
                name,
                properties.maxConcurrency(),
                properties.pollingInterval(),
                properties.heartbeatInterval(),
                properties.missedHeartbeatsLimit(),
                properties.cancelCheckInterval(),
                properties.retention(),
                properties.shutdownGrace() != null
                        ? properties.shutdownGrace()
                        : phaseTimeout.compareTo(SCHEDULER_STOP) > 0
                                ? phaseTimeout.minus(SCHEDULER_STOP)
                                : Duration.ZERO,
                properties.reconcileInterval(),
                properties.exposeTraceback(),
                tables);
    }

    private static String hostName() {
        try {
            String host = InetAddress.getLocalHost().getHostName();
            return host.length() > 60 ? host.substring(0, 60) : host;
        } catch (UnknownHostException ex) {
            return "chapkit";
        }
    }
}
