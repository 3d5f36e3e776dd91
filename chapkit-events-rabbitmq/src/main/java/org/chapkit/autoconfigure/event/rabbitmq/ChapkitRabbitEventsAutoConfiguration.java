package org.chapkit.autoconfigure.event.rabbitmq;

import org.chapkit.autoconfigure.database.ChapkitSchema;
import org.chapkit.autoconfigure.event.ChapkitEventsAutoConfiguration;
import org.chapkit.autoconfigure.ml.InboundCommandsConfiguration;
import org.chapkit.event.EventPublisher;
import org.chapkit.event.rabbitmq.RabbitCommandListener;
import org.chapkit.event.rabbitmq.RabbitEventDestination;
import org.chapkit.ml.command.CommandGateway;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.RabbitConnectionFactoryBean;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.amqp.autoconfigure.CachingConnectionFactoryConfigurer;
import org.springframework.boot.amqp.autoconfigure.ConnectionFactoryCustomizer;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionFactoryBeanConfigurer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * RabbitMQ for chapkit, when Spring AMQP is on the class path: chapkit's events go to a topic exchange with {@code
 * chapkit.events.rabbitmq.enabled=true}, and {@code $train}/{@code $predict}/{@code $execute} commands are taken from a
 * queue with {@code chapkit.events.rabbitmq.commands.enabled=true}. The destination gets a connection of its own,
 * configured like Spring Boot's ({@code spring.rabbitmq.*}, its {@link ConnectionFactoryCustomizer}s) but with
 * publisher confirms on; the command consumer uses the application's connection factory.
 */
@AutoConfiguration(after = {RabbitAutoConfiguration.class, ChapkitEventsAutoConfiguration.class})
@ConditionalOnClass(RabbitTemplate.class)
@EnableConfigurationProperties(ChapkitRabbitEventsProperties.class)
public final class ChapkitRabbitEventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty("chapkit.events.rabbitmq.enabled")
    @ConditionalOnBean({RabbitConnectionFactoryBeanConfigurer.class, CachingConnectionFactoryConfigurer.class})
    RabbitEventDestination chapkitRabbitEventDestination(
            ChapkitRabbitEventsProperties properties,
            RabbitConnectionFactoryBeanConfigurer beanConfigurer,
            CachingConnectionFactoryConfigurer cachingConfigurer,
            ObjectProvider<ConnectionFactoryCustomizer> customizers)
            throws Exception {
        RabbitConnectionFactoryBean bean = new RabbitConnectionFactoryBean();
        beanConfigurer.configure(bean);
        bean.afterPropertiesSet();
        com.rabbitmq.client.ConnectionFactory rabbit = bean.getObject();
        customizers.orderedStream().forEach(customizer -> customizer.customize(rabbit));
        CachingConnectionFactory connections = new CachingConnectionFactory(rabbit);
        cachingConfigurer.configure(connections);
        connections.setConnectionNameStrategy(factory -> "chapkit-events");
        return new RabbitEventDestination(
                connections, properties.exchange(), properties.declareExchange(), properties.confirmTimeout());
    }

    /** The inbound command queue. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty("chapkit.events.rabbitmq.commands.enabled")
    @ConditionalOnBean({ConnectionFactory.class, EventPublisher.class, ChapkitSchema.class})
    @Import(InboundCommandsConfiguration.class)
    static class Commands {

        /** Declared by Spring Boot's {@code RabbitAdmin} whenever a connection opens. */
        @Bean
        Queue chapkitCommandQueue(ChapkitRabbitEventsProperties properties) {
            return new Queue(properties.commands().queue(), true);
        }

        @Bean
        Queue chapkitCommandDeadLetterQueue(ChapkitRabbitEventsProperties properties) {
            return new Queue(properties.commands().deadLetterQueue(), true);
        }

        @Bean
        @ConditionalOnMissingBean(name = "chapkitRabbitCommandContainer")
        SimpleMessageListenerContainer chapkitRabbitCommandContainer(
                ConnectionFactory connections,
                ChapkitRabbitEventsProperties properties,
                CommandGateway gateway,
                JsonMapper mapper) {
            ChapkitRabbitEventsProperties.Commands commands = properties.commands();
            SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
            container.setQueueNames(commands.queue());
            container.setConcurrentConsumers(commands.concurrency());
            container.setChannelTransacted(true);
            container.setMissingQueuesFatal(false);
            container.setMessageListener(
                    new RabbitCommandListener(gateway, commands.queue(), commands.deadLetterQueue(), mapper));
            return container;
        }
    }
}
