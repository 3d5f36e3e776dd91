package org.chapkit.autoconfigure.task;

import jakarta.validation.Validator;
import java.time.Clock;
import java.util.Set;
import org.chapkit.autoconfigure.database.ChapkitDatabaseAutoConfiguration;
import org.chapkit.autoconfigure.database.ChapkitSchema;
import org.chapkit.autoconfigure.json.ChapkitJsonConfiguration;
import org.chapkit.autoconfigure.json.ChapkitJsonMapper;
import org.chapkit.autoconfigure.web.ChapkitWebAutoConfiguration;
import org.chapkit.event.EventPublisher;
import org.chapkit.task.BeanTaskParameterResolver;
import org.chapkit.task.TaskExecutionGateway;
import org.chapkit.task.TaskInvoker;
import org.chapkit.task.TaskManager;
import org.chapkit.task.TaskParameterResolver;
import org.chapkit.task.TaskParameterSchemas;
import org.chapkit.task.TaskReferenceSource;
import org.chapkit.task.TaskRegistry;
import org.chapkit.task.TaskStateStore;
import org.chapkit.task.internal.TaskController;
import org.chapkit.task.internal.TaskParameterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tasks: discovers {@code @Task} methods, binds and validates their params, keeps their enabled state in the
 * database and serves {@code /api/v1/tasks}. Runs are handed to a {@link TaskExecutionGateway} bean (the job
 * system); without one, {@code $execute} answers 503. Switch off with {@code chapkit.tasks.enabled=false}.
 */
@AutoConfiguration(
        after = {
            ChapkitDatabaseAutoConfiguration.class,
            ChapkitWebAutoConfiguration.class,
            JacksonAutoConfiguration.class,
            JdbcClientAutoConfiguration.class,
            ValidationAutoConfiguration.class
        })
@ConditionalOnBean({ChapkitSchema.class, JdbcClient.class, JsonMapper.class})
@ConditionalOnBooleanProperty(name = "chapkit.tasks.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ChapkitTaskProperties.class)
@Import(ChapkitJsonConfiguration.class)
public final class ChapkitTaskAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TaskRegistry chapkitTaskRegistry() {
        return new TaskRegistry();
    }

    @Bean
    @ConditionalOnMissingBean
    @Order(Ordered.LOWEST_PRECEDENCE)
    BeanTaskParameterResolver chapkitBeanTaskParameterResolver(
            ConfigurableListableBeanFactory beanFactory, ChapkitTaskProperties properties) {
        return new BeanTaskParameterResolver(beanFactory, Set.copyOf(properties.injectableTypes()));
    }

    @Bean
    static TaskDiscoverer chapkitTaskDiscoverer(
            ConfigurableListableBeanFactory beanFactory,
            ObjectProvider<TaskRegistry> registry,
            ObjectProvider<TaskParameterResolver> resolvers,
            ObjectProvider<TaskManager> manager) {
        return new TaskDiscoverer(beanFactory, registry.getObject(), resolvers, manager);
    }

    @Bean
    @ConditionalOnMissingBean
    TaskParameterBinder chapkitTaskParameterBinder(ChapkitJsonMapper json, ObjectProvider<Validator> validator) {
        return new TaskParameterBinder(json.mapper(), validator.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean
    TaskParameterSchemas chapkitTaskParameterSchemas(ChapkitJsonMapper json) {
        return new TaskParameterSchemas(json.mapper());
    }

    @Bean
    @ConditionalOnMissingBean
    TaskInvoker chapkitTaskInvoker() {
        return new TaskInvoker();
    }

    @Bean
    @ConditionalOnMissingBean
    TaskStateStore chapkitTaskStateStore(JdbcClient jdbc, ObjectProvider<Clock> clock, ChapkitSchema schema) {
        return new TaskStateStore(schema.tables().jdbc(jdbc), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    TaskManager chapkitTaskManager(
            TaskRegistry registry,
            TaskStateStore states,
            TaskParameterBinder binder,
            TaskParameterSchemas schemas,
            ObjectProvider<TaskReferenceSource> referenceSources,
            ObjectProvider<TaskExecutionGateway> gateway,
            ObjectProvider<EventPublisher> events,
            ObjectProvider<PlatformTransactionManager> transactionManager) {
        return new TaskManager(
                registry,
                states,
                binder,
                schemas,
                referenceSources.orderedStream().toList(),
                gateway,
                events.getIfAvailable(() -> EventPublisher.NONE),
                transactionManager.getIfAvailable() == null
                        ? null
                        : new TransactionTemplate(transactionManager.getObject()));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    TaskController chapkitTaskController(TaskManager tasks) {
        return new TaskController(tasks);
    }
}
