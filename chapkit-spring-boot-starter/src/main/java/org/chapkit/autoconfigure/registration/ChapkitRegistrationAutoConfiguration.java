package org.chapkit.autoconfigure.registration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.chapkit.autoconfigure.database.ChapkitDatabaseAutoConfiguration;
import org.chapkit.autoconfigure.database.ChapkitSchema;
import org.chapkit.autoconfigure.info.ChapkitServiceProperties;
import org.chapkit.autoconfigure.info.ServiceInfoAutoConfiguration;
import org.chapkit.cluster.ClusterLeadership;
import org.chapkit.cluster.ClusterStore;
import org.chapkit.info.ServiceInfo;
import org.chapkit.registration.ChapCoreRegistration;
import org.chapkit.registration.RegistrationLease;
import org.chapkit.registration.RegistrationSettings;
import org.chapkit.registration.ServiceKeySource;
import org.chapkit.registration.internal.ChapCoreRegistryClient;
import org.chapkit.registration.internal.JdbcRegistrationLease;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers the service with chap-core when {@code chapkit.registration.orchestrator-url} is set: a
 * {@link ChapCoreRegistration} started once the application is ready and closed (deregistering) on shutdown, a
 * lease so a cluster registers once (held by the cluster leader with {@code chapkit.cluster.enabled=true}, else a
 * database lease of its own), and the {@code registration} health contributor.
 */
@AutoConfiguration(
        after = {
            ChapkitDatabaseAutoConfiguration.class,
            ServiceInfoAutoConfiguration.class,
            CompositeMeterRegistryAutoConfiguration.class
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Conditional(OnOrchestratorUrlCondition.class)
@EnableConfigurationProperties(ChapkitRegistrationProperties.class)
public final class ChapkitRegistrationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RegistrationLease chapkitRegistrationLease(
            ChapkitRegistrationProperties properties,
            ChapkitServiceProperties service,
            ObjectProvider<DataSource> dataSource,
            ObjectProvider<ChapkitSchema> schema,
            ObjectProvider<ClusterLeadership> leadership,
            ObjectProvider<ClusterStore> cluster) {
        String self = instanceName();
        DataSource database = dataSource.getIfAvailable();
        if (!properties.clusterLock() || database == null || schema.getIfAvailable() == null) {
            return RegistrationLease.solo(self);
        }
        ClusterLeadership leader = leadership.getIfAvailable();
        if (leader != null) {
            return new LeaderHeldRegistrationLease(leader, cluster.getObject());
        }
        return new JdbcRegistrationLease(
                database,
                schema.getObject().tables(),
                service.id(),
                self,
                settings(properties, service).leaseDuration());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "chapkit.registration.enabled", matchIfMissing = true)
    ChapCoreRegistration chapkitRegistration(
            ChapkitRegistrationProperties properties,
            ChapkitServiceProperties service,
            ObjectProvider<ServiceInfo> info,
            RegistrationLease lease,
            JsonMapper mapper,
            ObjectProvider<MeterRegistry> meterRegistry) {
        requireHttpUrl("chapkit.registration.orchestrator-url", properties.orchestratorUrl());
        if (properties.advertisedUrl() != null) {
            requireHttpUrl("chapkit.registration.advertised-url", properties.advertisedUrl());
        }
        ServiceKeySource key = ServiceKeySource.of(properties.keyFile(), properties.keyEnv(), System::getenv);
        ChapCoreRegistryClient client =
                new ChapCoreRegistryClient(properties.orchestratorUrl(), key, properties.requestTimeout(), mapper);
        return new ChapCoreRegistration(
                settings(properties, service),
                client,
                lease,
                info::getObject,
                meterRegistry.getIfAvailable(SimpleMeterRegistry::new),
                Clock.systemUTC(),
                new SplittableRandom());
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "chapkit.registration.enabled", matchIfMissing = true)
    RegistrationStarter chapkitRegistrationStarter(
            ApplicationContext context,
            ChapCoreRegistration registration,
            ChapkitRegistrationProperties properties,
            ObjectProvider<ServerProperties> server) {
        return new RegistrationStarter(context, registration, properties, server.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean(name = "registrationHealthIndicator")
    @ConditionalOnEnabledHealthIndicator("registration")
    RegistrationHealthIndicator registrationHealthIndicator(ObjectProvider<ChapCoreRegistration> registration) {
        return new RegistrationHealthIndicator(registration);
    }

    private static RegistrationSettings settings(
            ChapkitRegistrationProperties properties, ChapkitServiceProperties service) {
        return new RegistrationSettings(
                service.id(),
                properties.keepaliveInterval(),
                properties.backoff().toBackoff());
    }

    private static void requireHttpUrl(String property, URI url) {
        boolean http = url != null
                && url.getHost() != null
                && ("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()));
        if (!http) {
            throw new IllegalStateException(
                    property + " must be an absolute http(s) URL such as http://chap:8000, got '" + url + "'");
        }
    }

    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException ex) {
            host = "unknown-host";
        }
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return host + "-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random);
    }
}
