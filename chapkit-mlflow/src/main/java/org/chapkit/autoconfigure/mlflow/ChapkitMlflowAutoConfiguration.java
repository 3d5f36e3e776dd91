package org.chapkit.autoconfigure.mlflow;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import org.chapkit.artifact.ArtifactManager;
import org.chapkit.autoconfigure.artifact.ChapkitArtifactAutoConfiguration;
import org.chapkit.autoconfigure.event.ChapkitEventsAutoConfiguration;
import org.chapkit.autoconfigure.job.ChapkitJobsAutoConfiguration;
import org.chapkit.event.EventLog;
import org.chapkit.job.JobManager;
import org.chapkit.mlflow.MlflowClient;
import org.chapkit.mlflow.MlflowEventDestination;
import org.chapkit.mlflow.MlflowExportSettings;
import org.chapkit.mlflow.MlflowExports;
import org.chapkit.mlflow.TrainingExporter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Exports each training to MLflow when {@code chapkit.mlflow.enabled=true}: an event destination named {@code mlflow}
 * on chapkit's outbox (so it needs the job system, the artifacts and {@code chapkit.events.enabled}, the default), its
 * REST client, the {@code chapkit.mlflow.exports} meters and the {@code mlflow} health contributor.
 */
@AutoConfiguration(
        after = {
            ChapkitEventsAutoConfiguration.class,
            ChapkitJobsAutoConfiguration.class,
            ChapkitArtifactAutoConfiguration.class,
            CompositeMeterRegistryAutoConfiguration.class
        })
@ConditionalOnClass(MlflowEventDestination.class)
@ConditionalOnBooleanProperty("chapkit.mlflow.enabled")
@ConditionalOnBean({EventLog.class, JobManager.class, ArtifactManager.class})
@EnableConfigurationProperties(ChapkitMlflowProperties.class)
public final class ChapkitMlflowAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MlflowClient chapkitMlflowClient(ChapkitMlflowProperties properties) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        return new MlflowClient(properties.trackingUri(), http, properties.requestTimeout(), authorization(properties));
    }

    @Bean
    @ConditionalOnMissingBean
    MlflowExports chapkitMlflowExports(ObjectProvider<MeterRegistry> meters, ObjectProvider<Clock> clock) {
        return new MlflowExports(
                meters.getIfAvailable(SimpleMeterRegistry::new), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    TrainingExporter chapkitMlflowTrainingExporter(
            MlflowClient mlflow,
            JobManager jobs,
            ArtifactManager artifacts,
            ChapkitMlflowProperties properties,
            Environment environment) {
        return new TrainingExporter(mlflow, jobs, artifacts, settings(properties, environment));
    }

    @Bean
    @ConditionalOnMissingBean
    MlflowEventDestination chapkitMlflowEventDestination(TrainingExporter exporter, MlflowExports exports) {
        return new MlflowEventDestination(exporter, exports);
    }

    @Bean
    @ConditionalOnMissingBean(name = "mlflowHealthIndicator")
    @ConditionalOnEnabledHealthIndicator("mlflow")
    MlflowHealthIndicator mlflowHealthIndicator(
            MlflowExports exports, MlflowClient mlflow, ChapkitMlflowProperties properties, Environment environment) {
        return new MlflowHealthIndicator(
                exports,
                mlflow.trackingUri().toString(),
                settings(properties, environment).experimentName());
    }

    static MlflowExportSettings settings(ChapkitMlflowProperties properties, Environment environment) {
        String serviceId = environment.getProperty("chapkit.service.id", "chapkit-service");
        String version = environment.getProperty("chapkit.service.version", "0.1.0");
        String model = properties.registry().modelName();
        return new MlflowExportSettings(
                orDefault(properties.experimentName(), serviceId),
                serviceId,
                version,
                properties.registry().enabled() ? orDefault(model, serviceId) : null,
                properties.maxModelBytes().toBytes(),
                properties.serviceUrl());
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String authorization(ChapkitMlflowProperties properties) {
        if (properties.token() != null && !properties.token().isBlank()) {
            return "Bearer " + properties.token();
        }
        if (properties.username() != null && !properties.username().isBlank()) {
            String password = properties.password() == null ? "" : properties.password();
            return "Basic "
                    + Base64.getEncoder()
                            .encodeToString((properties.username() + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }
}
