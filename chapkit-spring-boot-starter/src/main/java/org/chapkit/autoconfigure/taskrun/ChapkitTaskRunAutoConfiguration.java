package org.chapkit.autoconfigure.taskrun;

import java.time.Clock;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.chapkit.artifact.ArtifactManager;
import org.chapkit.autoconfigure.artifact.ChapkitArtifactAutoConfiguration;
import org.chapkit.autoconfigure.config.ChapkitConfigAutoConfiguration;
import org.chapkit.autoconfigure.database.ChapkitSchema;
import org.chapkit.autoconfigure.job.ChapkitJobsAutoConfiguration;
import org.chapkit.autoconfigure.job.ChapkitJobsProperties;
import org.chapkit.autoconfigure.json.ChapkitJsonConfiguration;
import org.chapkit.autoconfigure.json.ChapkitJsonMapper;
import org.chapkit.autoconfigure.schedule.ChapkitScheduleAutoConfiguration;
import org.chapkit.autoconfigure.schedule.ChapkitScheduleProperties;
import org.chapkit.autoconfigure.task.ChapkitTaskAutoConfiguration;
import org.chapkit.autoconfigure.task.ChapkitTaskProperties;
import org.chapkit.config.ConfigManager;
import org.chapkit.job.JobContext;
import org.chapkit.job.JobManager;
import org.chapkit.job.RecurringWork;
import org.chapkit.schedule.ScheduleManager;
import org.chapkit.task.InvocationContextParameterResolver;
import org.chapkit.task.TaskExecutionGateway;
import org.chapkit.task.TaskInvoker;
import org.chapkit.task.TaskManager;
import org.chapkit.taskrun.ConfigParameterResolver;
import org.chapkit.taskrun.ServiceParameterResolver;
import org.chapkit.taskrun.internal.JobTaskExecutionGateway;
import org.chapkit.taskrun.internal.TaskJobHandler;
import org.chapkit.taskrun.internal.TaskRunStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs tasks on the job system: the job-backed {@link TaskExecutionGateway}, the {@link TaskJobHandler} (retries,
 * cluster-wide concurrency slots, timeouts, result caching), injection of the artifact and config managers, the job
 * context and the user's config, and a db-scheduler recurring task that fires due schedules on one instance per
 * tick. Active when both the job system and tasks are.
 */
@AutoConfiguration(
        after = {
            ChapkitJobsAutoConfiguration.class,
            ChapkitTaskAutoConfiguration.class,
            ChapkitScheduleAutoConfiguration.class,
            ChapkitArtifactAutoConfiguration.class,
            ChapkitConfigAutoConfiguration.class
        })
@ConditionalOnBean({JobManager.class, TaskManager.class, ArtifactManager.class, ChapkitSchema.class})
@Import(ChapkitJsonConfiguration.class)
public final class ChapkitTaskRunAutoConfiguration {

    /** Name of the db-scheduler recurring task that fires due schedules. */
    public static final String SCHEDULE_FIRING_TASK = "chapkit-schedule-firing";

    private static final int FIRING_BATCH = 100;

    @Bean
    @ConditionalOnMissingBean
    TaskRunStore chapkitTaskRunStore(JdbcClient jdbc, ChapkitSchema schema) {
        return new TaskRunStore(schema.tables().jdbc(jdbc));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    TaskJobHandler chapkitTaskJobHandler(
            TaskManager tasks,
            TaskInvoker invoker,
            TaskRunStore runs,
            ArtifactManager artifacts,
            JobManager jobs,
            PlatformTransactionManager transactionManager,
            ObjectProvider<Clock> clock,
            ChapkitTaskProperties properties,
            ObjectProvider<ChapkitJobsProperties> jobProperties) {
        ChapkitJobsProperties jobSettings = jobProperties.getIfAvailable();
        return new TaskJobHandler(
                tasks,
                invoker,
                runs,
                artifacts,
                jobs,
                new TransactionTemplate(transactionManager),
                clock.getIfAvailable(Clock::systemUTC),
                properties.slotWait(),
                RandomGenerator.getDefault(),
                jobSettings == null || jobSettings.exposeTraceback());
    }

    @Bean
    @ConditionalOnMissingBean
    TaskExecutionGateway chapkitTaskExecutionGateway(
            JobManager jobs,
            TaskRunStore runs,
            ArtifactManager artifacts,
            PlatformTransactionManager transactionManager,
            ChapkitJsonMapper json,
            ObjectProvider<Clock> clock) {
        return new JobTaskExecutionGateway(
                jobs,
                runs,
                artifacts,
                new TransactionTemplate(transactionManager),
                json.mapper(),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean(name = "chapkitJobContextParameterResolver")
    @Order(0)
    InvocationContextParameterResolver chapkitJobContextParameterResolver() {
        return new InvocationContextParameterResolver(Set.of(JobContext.class));
    }

    @Bean
    @ConditionalOnMissingBean(name = "chapkitArtifactManagerParameterResolver")
    @Order(0)
    ServiceParameterResolver chapkitArtifactManagerParameterResolver(ArtifactManager artifacts) {
        return new ServiceParameterResolver(ArtifactManager.class, artifacts);
    }

    @Bean
    @ConditionalOnMissingBean(name = "chapkitConfigManagerParameterResolver")
    @Order(0)
    @ConditionalOnBean(ConfigManager.class)
    ServiceParameterResolver chapkitConfigManagerParameterResolver(ConfigManager<?> configs) {
        return new ServiceParameterResolver(ConfigManager.class, configs);
    }

    @Bean
    @ConditionalOnMissingBean(name = "chapkitConfigParameterResolver")
    @Order(0)
    @ConditionalOnBean(ConfigManager.class)
    ConfigParameterResolver chapkitConfigParameterResolver(ConfigManager<?> configs) {
        return new ConfigParameterResolver(configs);
    }

    @Bean
    @ConditionalOnMissingBean(name = "chapkitScheduleFiring")
    @ConditionalOnBean(ScheduleManager.class)
    @ConditionalOnBooleanProperty(name = "chapkit.schedules.fire", matchIfMissing = true)
    RecurringWork chapkitScheduleFiring(ScheduleManager schedules, ChapkitScheduleProperties properties) {
        return new RecurringWork(
                SCHEDULE_FIRING_TASK, properties.pollInterval(), () -> schedules.fireDue(FIRING_BATCH));
    }
}
