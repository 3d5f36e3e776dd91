package org.chapkit.autoconfigure.event.rabbitmq;

import org.chapkit.event.rabbitmq.RabbitEventDestination;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.RabbitConnectionFactoryBean;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
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

/**
 * Sends chapkit's events to RabbitMQ when Spring AMQP is on the class path and {@code
 * chapkit.events.rabbitmq.enabled=true}. The destination gets a connection of its own, configured like Spring Boot's
 * ({@code spring.rabbitmq.*}, its {@link ConnectionFactoryCustomizer}s) but with publisher confirms on.
 */
@AutoConfiguration(after = RabbitAutoConfiguration.class)
@ConditionalOnClass(RabbitTemplate.class)
@ConditionalOnBooleanProperty("chapkit.events.rabbitmq.enabled")
@EnableConfigurationProperties(ChapkitRabbitEventsProperties.class)
public final class ChapkitRabbitEventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
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
}
