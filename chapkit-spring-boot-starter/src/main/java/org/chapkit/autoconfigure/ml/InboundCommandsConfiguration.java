package org.chapkit.autoconfigure.ml;

import java.time.Clock;
import java.util.Optional;
import org.chapkit.autoconfigure.database.ChapkitSchema;
import org.chapkit.event.EventPublisher;
import org.chapkit.ml.command.CommandGateway;
import org.chapkit.ml.command.internal.InboundMessageStore;
import org.chapkit.ml.service.MlManager;
import org.chapkit.task.TaskManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link CommandGateway} every broker adapter with inbound commands hands its messages to: one definition, which
 * an adapter's command configuration {@code @Import}s once its own conditions (switch, broker, event publisher,
 * schema) hold. With two adapters on, both import it and the one gateway serves both.
 */
@Configuration(proxyBeanMethods = false)
public final class InboundCommandsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CommandGateway chapkitCommandGateway(
            ObjectProvider<MlManager> ml,
            ObjectProvider<TaskManager> tasks,
            JdbcClient jdbc,
            ChapkitSchema schema,
            EventPublisher events,
            PlatformTransactionManager transactionManager,
            JsonMapper mapper) {
        return new CommandGateway(
                Optional.ofNullable(ml.getIfAvailable()),
                Optional.ofNullable(tasks.getIfAvailable()),
                new InboundMessageStore(jdbc, schema.tables(), Clock.systemUTC()),
                events,
                new TransactionTemplate(transactionManager),
                mapper);
    }
}
