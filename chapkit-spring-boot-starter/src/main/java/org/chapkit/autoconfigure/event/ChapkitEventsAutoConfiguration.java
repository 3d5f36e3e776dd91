package org.chapkit.autoconfigure.event;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import org.chapkit.autoconfigure.web.ChapkitWebAutoConfiguration;
import org.chapkit.event.EventDestination;
import org.chapkit.event.EventDestinations;
import org.chapkit.event.EventDispatcher;
import org.chapkit.event.EventLog;
import org.chapkit.event.EventSettings;
import org.chapkit.event.internal.EventController;
import org.chapkit.job.RecurringWork;
import org.chapkit.sse.SseStreamer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Domain events: the {@link EventLog} (chapkit's transactional outbox, also the {@code EventPublisher} every store
 * writes its events with), the {@link EventDispatcher} delivering it to every {@link EventDestination} bean and
 * {@link EventDestinations} bean, its retention, its health contributor, and {@code /api/v1/events} in a servlet
 * application. Switch off with {@code chapkit.events.enabled=false}.
 */
@AutoConfiguration(
        after = {
            ChapkitDatabaseAutoConfiguration.class,
            ChapkitWebAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class,
            CompositeMeterRegistryAutoConfiguration.class
        })
@ConditionalOnBean({DataSource.class, ChapkitSchema.class})
@ConditionalOnBooleanProperty(name = "chapkit.events.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ChapkitEventsProperties.class)
@Import(ChapkitJsonConfiguration.class)
public final class ChapkitEventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventLog chapkitEventLog(
            ChapkitSchema schema,
            DataSource dataSource,
            PlatformTransactionManager transactionManager,
            ChapkitJsonMapper json,
            ChapkitEventsProperties properties,
            Environment environment,
            ObjectProvider<Clock> clock) {
        return new EventLog(
                dataSource,
                transactionManager,
                json.mapper(),
                settings(properties, schema, environment),
                clock.getIfAvailable(Clock::systemUTC));
    }

    // The lifecycle starts and stops it; close() ends it for good when the context is destroyed.
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    EventDispatcher chapkitEventDispatcher(
            EventLog events,
            ObjectProvider<EventDestination> destinations,
            ObjectProvider<EventDestinations> dynamic,
            ObjectProvider<MeterRegistry> meterRegistry) {
        return new EventDispatcher(
                events,
                destinations.orderedStream().toList(),
                dynamic.orderedStream().toList(),
                meterRegistry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    EventDispatcherLifecycle chapkitEventDispatcherLifecycle(EventDispatcher dispatcher) {
        return new EventDispatcherLifecycle(dispatcher);
    }

    @Bean
    @ConditionalOnMissingBean(name = "chapkitEventRetention")
    RecurringWork chapkitEventRetention(EventLog events, ChapkitEventsProperties properties) {
        Duration half = properties.retention().dividedBy(2);
        Duration delay = half.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : half;
        return new RecurringWork(
                "chapkit-event-retention",
                delay.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : delay,
                events::purge);
    }

    @Bean
    @ConditionalOnMissingBean(name = "eventsHealthIndicator")
    @ConditionalOnEnabledHealthIndicator("events")
    EventsHealthIndicator eventsHealthIndicator(
            EventDispatcher dispatcher, ChapkitEventsProperties properties, ObjectProvider<Clock> clock) {
        return new EventsHealthIndicator(dispatcher, properties.stuckAfter(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    EventController chapkitEventController(
            EventLog events, EventDispatcher dispatcher, SseStreamer streamer, ChapkitEventsProperties properties) {
        return new EventController(events, dispatcher, streamer, properties.pollInterval());
    }

    static EventSettings settings(ChapkitEventsProperties properties, ChapkitSchema schema, Environment environment) {
        String instance = environment.getProperty("chapkit.jobs.instance-name");
        if (instance == null || instance.isBlank()) {
            instance =
                    hostName() + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        }
        String service = environment.getProperty("chapkit.service.id", "chapkit-service");
        return new EventSettings(
                EventSettings.source(service, instance),
                instance,
                properties.pollInterval(),
                properties.lease(),
                properties.batchSize(),
                properties.progressInterval(),
                properties.retention(),
                properties.delivery().toPolicy(),
                schema.tables());
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
