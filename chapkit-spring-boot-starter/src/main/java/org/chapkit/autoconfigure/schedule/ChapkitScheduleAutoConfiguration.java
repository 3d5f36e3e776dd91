package org.chapkit.autoconfigure.schedule;

import java.time.Clock;
import org.chapkit.autoconfigure.database.ChapkitSchema;
import org.chapkit.autoconfigure.json.ChapkitJsonConfiguration;
import org.chapkit.autoconfigure.json.ChapkitJsonMapper;
import org.chapkit.autoconfigure.task.ChapkitTaskAutoConfiguration;
import org.chapkit.event.EventPublisher;
import org.chapkit.schedule.ScheduleManager;
import org.chapkit.schedule.internal.ScheduleController;
import org.chapkit.schedule.internal.ScheduleStore;
import org.chapkit.task.TaskManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Schedules: stores them, validates them against {@code chapkit.schedules.*}, syncs schedules declared with
 * {@code @Task} at start-up and serves {@code /api/v1/schedules}. Firing due schedules is driven by the job
 * system through {@link ScheduleManager#fireDue(int)}. Switch off with {@code chapkit.schedules.enabled=false}.
 */
@AutoConfiguration(after = {ChapkitTaskAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
@ConditionalOnBean({TaskManager.class, PlatformTransactionManager.class})
@ConditionalOnBooleanProperty(name = "chapkit.schedules.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ChapkitScheduleProperties.class)
@Import(ChapkitJsonConfiguration.class)
public final class ChapkitScheduleAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ScheduleStore chapkitScheduleStore(JdbcClient jdbc, ChapkitJsonMapper json, ChapkitSchema schema) {
        return new ScheduleStore(schema.tables().jdbc(jdbc), json.mapper());
    }

    @Bean
    @ConditionalOnMissingBean
    ScheduleManager chapkitScheduleManager(
            ScheduleStore store,
            TaskManager tasks,
            ChapkitScheduleProperties properties,
            ObjectProvider<Clock> clock,
            PlatformTransactionManager transactionManager,
            ChapkitJsonMapper json,
            ObjectProvider<EventPublisher> events,
            ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters) {
        return new ScheduleManager(
                store,
                tasks,
                properties.toSettings(),
                clock.getIfAvailable(Clock::systemUTC),
                new TransactionTemplate(transactionManager),
                json.mapper(),
                events.getIfAvailable(() -> EventPublisher.NONE),
                meters.getIfAvailable(io.micrometer.core.instrument.composite.CompositeMeterRegistry::new));
    }

    @Bean
    DeclaredSchedulesSync chapkitDeclaredSchedulesSync(ScheduleManager schedules) {
        return new DeclaredSchedulesSync(schedules);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    ScheduleController chapkitScheduleController(ScheduleManager schedules) {
        return new ScheduleController(schedules);
    }
}
