package org.chapkit.autoconfigure.ml;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.chapkit.artifact.ArtifactManager;
import org.chapkit.autoconfigure.artifact.ChapkitArtifactAutoConfiguration;
import org.chapkit.autoconfigure.config.ChapkitConfigAutoConfiguration;
import org.chapkit.autoconfigure.info.ServiceInfoAutoConfiguration;
import org.chapkit.autoconfigure.job.ChapkitJobsAutoConfiguration;
import org.chapkit.autoconfigure.json.ChapkitJsonConfiguration;
import org.chapkit.autoconfigure.json.ChapkitJsonMapper;
import org.chapkit.config.ConfigManager;
import org.chapkit.contract.ContractGeneration;
import org.chapkit.info.ServiceInfo;
import org.chapkit.job.JobContext;
import org.chapkit.job.JobInputs;
import org.chapkit.job.JobManager;
import org.chapkit.ml.registry.ModelRegistry;
import org.chapkit.ml.runner.AnnotatedModelRunner;
import org.chapkit.ml.runner.InjectionResolver;
import org.chapkit.ml.runner.ModelRunner;
import org.chapkit.ml.sample.SampleDataLimits;
import org.chapkit.ml.service.MlBacktestJobHandler;
import org.chapkit.ml.service.MlController;
import org.chapkit.ml.service.MlManager;
import org.chapkit.ml.service.MlPredictJobHandler;
import org.chapkit.ml.service.MlTrainJobHandler;
import org.chapkit.ml.service.MlWorkflow;
import org.chapkit.ml.shell.ShellModelRunner;
import org.chapkit.web.DecompressionLimits;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ML workflow: {@code $train}/{@code $predict} jobs, {@code $validate}, {@code $generate-sample-data} and the
 * submission counters, around the application's model runner. The runner is, in this order: a {@link ModelRunner}
 * bean; a {@link ShellModelRunner} from {@code chapkit.ml.shell.*}; or the one bean with {@code @Train} /
 * {@code @Predict} methods, adapted with {@link AnnotatedModelRunner} (its methods may also take the
 * {@link ArtifactManager}, the {@link JobContext} and whatever {@link InjectionResolver} beans supply). Switch off
 * with {@code chapkit.ml.enabled=false}.
 */
@AutoConfiguration(
        after = {
            ChapkitConfigAutoConfiguration.class,
            ChapkitArtifactAutoConfiguration.class,
            ChapkitJobsAutoConfiguration.class,
            ServiceInfoAutoConfiguration.class,
            CompositeMeterRegistryAutoConfiguration.class
        })
@ConditionalOnBean({JobManager.class, ArtifactManager.class, ConfigManager.class, ServiceInfo.class})
@Conditional(OnModelRunnerCondition.class)
@ConditionalOnBooleanProperty(name = "chapkit.ml.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ChapkitMlProperties.class)
@Import({ChapkitJsonConfiguration.class, ModelRegistryConfiguration.class})
public final class ChapkitMlAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ModelRunner.class)
    ModelRunner<?, ?> chapkitModelRunner(
            ChapkitMlProperties properties,
            ConfigManager<?> configs,
            ArtifactManager artifacts,
            ListableBeanFactory beans,
            ObjectProvider<InjectionResolver> resolvers,
            ChapkitJsonMapper json) {
        Class<?> configType = configs.type().type();
        ChapkitMlProperties.Shell shell = properties.shell();
        if (shell.defined()) {
            return shellRunner(configType, shell, json.mapper());
        }
        List<String> names = AnnotatedRunnerBeans.names(beans);
        if (names.size() != 1) {
            throw new AmbiguousModelRunnerException(names);
        }
        List<InjectionResolver> all = new ArrayList<>(resolvers.orderedStream().toList());
        all.add(InjectionResolver.constant(ArtifactManager.class, artifacts));
        all.add(InjectionResolver.contextAttribute(JobContext.class));
        all.add(InjectionResolver.contextAttribute(org.chapkit.job.RunLog.class));
        all.add(configManagerResolver(configs));
        return AnnotatedModelRunner.of(beans.getBean(names.get(0)), configType, null, all);
    }

    @Bean
    ShellLeftoversCleanup chapkitShellLeftoversCleanup(ModelRunner<?, ?> runner) {
        return new ShellLeftoversCleanup(runner);
    }

    @Bean
    @ConditionalOnMissingBean
    MlWorkflow chapkitMlWorkflow(
            ModelRunner<?, ?> runner,
            ConfigManager<?> configs,
            ArtifactManager artifacts,
            ServiceInfo info,
            PlatformTransactionManager transactionManager,
            ObjectProvider<Clock> clock,
            ObjectProvider<ModelRegistry> registry,
            ObjectProvider<ObservationRegistry> observations) {
        return new MlWorkflow(
                runner,
                configs,
                artifacts,
                info,
                new TransactionTemplate(transactionManager),
                clock.getIfAvailable(Clock::systemUTC),
                registry.getIfAvailable(),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    @ConditionalOnMissingBean
    JobInputs chapkitJobInputs(DataSource dataSource, ChapkitJsonMapper json, ObjectProvider<Clock> clock) {
        // Stored JSON, like the job payloads: chapkit's own mapper, not the application's.
        return new JobInputs(dataSource, json.mapper(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    MlTrainJobHandler chapkitMlTrainJobHandler(MlWorkflow workflow, JobInputs inputs) {
        return new MlTrainJobHandler(workflow, inputs);
    }

    @Bean
    @ConditionalOnMissingBean
    MlPredictJobHandler chapkitMlPredictJobHandler(MlWorkflow workflow, JobInputs inputs) {
        return new MlPredictJobHandler(workflow, inputs);
    }

    @Bean
    @ConditionalOnMissingBean
    MlBacktestJobHandler chapkitMlBacktestJobHandler(MlWorkflow workflow, JobInputs inputs) {
        return new MlBacktestJobHandler(workflow, inputs);
    }

    @Bean
    @ConditionalOnMissingBean
    MlManager chapkitMlManager(
            JobManager jobs,
            MlWorkflow workflow,
            JobInputs inputs,
            PlatformTransactionManager transactionManager,
            ObjectProvider<MeterRegistry> meters) {
        return new MlManager(
                jobs,
                workflow,
                inputs,
                new TransactionTemplate(transactionManager),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    MlController chapkitMlController(
            MlManager ml,
            ConfigManager<?> configs,
            ServiceInfo info,
            JsonMapper mapper,
            ObjectProvider<DecompressionLimits> decompression,
            ChapkitMlProperties properties,
            ObjectProvider<ContractGeneration> contract) {
        ChapkitMlProperties.SampleData sample = properties.sampleData();
        return new MlController(
                ml,
                configs,
                info,
                mapper,
                decompression.getIfAvailable(() -> new DecompressionLimits(1024L * 1024 * 1024, 100)),
                new SampleDataLimits(
                        sample.maxLocations(), sample.maxPeriods(), sample.maxFeatures(), sample.maxRows()),
                contract.getIfAvailable(() -> ContractGeneration.DEFAULT));
    }

    /** Shows the ML request records' JSON trees as free-form objects in the OpenAPI document. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class OpenApi {

        @Bean
        MlOpenApiCustomizer chapkitMlOpenApiCustomizer() {
            return new MlOpenApiCustomizer();
        }

        @Bean
        MlUploadOpenApiCustomizer chapkitMlUploadOpenApiCustomizer() {
            return new MlUploadOpenApiCustomizer();
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static ShellModelRunner<?> shellRunner(
            Class<?> configType, ChapkitMlProperties.Shell shell, JsonMapper mapper) {
        if (shell.predictCommand() == null || shell.predictCommand().isBlank()) {
            throw new IllegalStateException(
                    "chapkit.ml.shell.predict-command is required when chapkit.ml.shell.train-command is set");
        }
        ShellModelRunner.Builder builder = ShellModelRunner.builder(
                        configType, shell.trainCommand(), shell.predictCommand())
                .configFormat(shell.configFormat())
                .timeout(shell.timeout())
                .maxOutputSize(shell.maxOutputSize().toBytes())
                .workspaceLimits(
                        shell.workspace().maxEntries(),
                        shell.workspace().maxSize().toBytes(),
                        shell.workspace().maxRatio())
                .shell(shell.useShell())
                // config.yml keys are the config's wire names (snake_case unless @JsonProperty says otherwise).
                .jsonMapper(mapper.rebuild()
                        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                        .build());
        if (shell.projectRoot() != null) {
            builder.projectRoot(shell.projectRoot());
        }
        if (shell.tempDir() != null) {
            builder.tempRoot(shell.tempDir());
        }
        return builder.build();
    }

    private static InjectionResolver configManagerResolver(ConfigManager<?> configs) {
        return point -> point.parameter().getType().equals(ConfigManager.class)
                ? Optional.of(context -> configs)
                : Optional.empty();
    }
}
