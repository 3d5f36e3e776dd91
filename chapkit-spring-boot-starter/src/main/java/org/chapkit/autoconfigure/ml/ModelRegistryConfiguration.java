package org.chapkit.autoconfigure.ml;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Locale;
import org.chapkit.autoconfigure.database.ChapkitSchema;
import org.chapkit.autoconfigure.json.ChapkitJsonMapper;
import org.chapkit.info.ServiceInfo;
import org.chapkit.ml.inference.ModelCache;
import org.chapkit.ml.inference.SyncPredictor;
import org.chapkit.ml.inference.internal.InvocationsController;
import org.chapkit.ml.inference.internal.OpenInferenceController;
import org.chapkit.ml.registry.ModelRegistry;
import org.chapkit.ml.registry.internal.ModelRegistryController;
import org.chapkit.ml.service.MlWorkflow;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model registry and synchronous inference (imported by {@link ChapkitMlAutoConfiguration}, whose conditions it
 * shares): trainings register versions of the service's model, {@code /api/v1/models} serves the registry, the
 * KServe V2 ({@code /v2/**}) and MLflow ({@code /invocations}) endpoints predict from the loaded-model cache. Switch
 * off with {@code chapkit.ml.models.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "chapkit.ml.models.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ChapkitModelsProperties.class)
class ModelRegistryConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ModelRegistry chapkitModelRegistry(
            ChapkitModelsProperties properties,
            ServiceInfo info,
            ChapkitSchema schema,
            JdbcClient jdbc,
            ChapkitJsonMapper json,
            PlatformTransactionManager transactionManager,
            ObjectProvider<Clock> clock) {
        String name =
                properties.defaultModel() == null || properties.defaultModel().isBlank()
                        ? slug(info.displayName())
                        : properties.defaultModel();
        ModelRegistry registry = new ModelRegistry(
                schema.tables().jdbc(jdbc),
                json.mapper(),
                new TransactionTemplate(transactionManager),
                clock.getIfAvailable(Clock::systemUTC),
                name,
                properties.cache().resolutionTtl());
        registry.ensureModel(name);
        return registry;
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    ModelRegistryController chapkitModelRegistryController(ModelRegistry registry) {
        return new ModelRegistryController(registry);
    }

    @Bean
    @ConditionalOnMissingBean
    ModelCache chapkitModelCache(ChapkitModelsProperties properties, ObjectProvider<MeterRegistry> meters) {
        return new ModelCache(
                properties.cache().maxModels(),
                properties.cache().maxSize().toBytes(),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnMissingBean
    SyncPredictor chapkitSyncPredictor(
            MlWorkflow workflow, ModelRegistry registry, ModelCache cache, ObjectProvider<MeterRegistry> meters) {
        return new SyncPredictor(workflow, registry, cache, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    OpenInferenceController chapkitOpenInferenceController(SyncPredictor predictor, JsonMapper mapper) {
        return new OpenInferenceController(predictor, mapper);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    InvocationsController chapkitInvocationsController(SyncPredictor predictor, JsonMapper mapper) {
        return new InvocationsController(predictor, mapper);
    }

    /** {@code "Chapkit Sample Model"} → {@code chapkit-sample-model}. */
    static String slug(String displayName) {
        String slug = displayName == null
                ? ""
                : displayName
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9._]+", "-")
                        .replaceAll("^[-._]+|-+$", "");
        if (slug.length() > 100) {
            slug = slug.substring(0, 100);
        }
        return slug.isEmpty() ? "default" : slug;
    }
}
