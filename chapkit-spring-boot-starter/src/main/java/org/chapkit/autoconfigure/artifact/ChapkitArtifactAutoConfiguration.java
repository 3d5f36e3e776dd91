package org.chapkit.autoconfigure.artifact;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.chapkit.artifact.ArtifactContentStore;
import org.chapkit.artifact.ArtifactHierarchy;
import org.chapkit.artifact.ArtifactJson;
import org.chapkit.artifact.ArtifactManager;
import org.chapkit.artifact.ArtifactRepository;
import org.chapkit.artifact.internal.ArtifactController;
import org.chapkit.artifact.internal.ConfigArtifactController;
import org.chapkit.artifact.internal.LinkedArtifactsDeletion;
import org.chapkit.artifact.storage.ArtifactContentStorage;
import org.chapkit.artifact.storage.DatabaseContentStorage;
import org.chapkit.artifact.storage.FilesystemContentStorage;
import org.chapkit.artifact.storage.InstrumentedContentStorage;
import org.chapkit.artifact.transfer.TabularFormat;
import org.chapkit.artifact.transfer.internal.ArtifactFrames;
import org.chapkit.artifact.transfer.internal.ArtifactTransferController;
import org.chapkit.artifact.transfer.internal.StoredData;
import org.chapkit.autoconfigure.config.ChapkitConfigAutoConfiguration;
import org.chapkit.autoconfigure.database.ChapkitDatabaseAutoConfiguration;
import org.chapkit.autoconfigure.database.ChapkitSchema;
import org.chapkit.autoconfigure.json.ChapkitJsonConfiguration;
import org.chapkit.autoconfigure.json.ChapkitJsonMapper;
import org.chapkit.autoconfigure.web.ChapkitWebAutoConfiguration;
import org.chapkit.autoconfigure.web.RequestSizeExemption;
import org.chapkit.config.ConfigManager;
import org.chapkit.contract.ContractGeneration;
import org.chapkit.crud.PageLimits;
import org.chapkit.event.EventPublisher;
import org.chapkit.job.RecurringWork;
import org.chapkit.web.DecompressionLimits;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Artifacts: storage of JSON data and streamed binary content, the {@link ArtifactManager}, {@code /api/v1/artifacts}
 * and, when configs are on, config links and deletion of linked trees with their config. Switch off with
 * {@code chapkit.artifacts.enabled=false}.
 */
@AutoConfiguration(
        after = {
            ChapkitDatabaseAutoConfiguration.class,
            ChapkitWebAutoConfiguration.class,
            ChapkitConfigAutoConfiguration.class,
            JacksonAutoConfiguration.class,
            JdbcClientAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class
        })
@ConditionalOnBean({ChapkitSchema.class, JdbcClient.class, PlatformTransactionManager.class})
@ConditionalOnBooleanProperty(name = "chapkit.artifacts.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ChapkitArtifactProperties.class)
@Import(ChapkitJsonConfiguration.class)
public final class ChapkitArtifactAutoConfiguration {

    /** The db-scheduler task name of the orphan content sweep. */
    public static final String ARTIFACT_CONTENT_SWEEP_TASK = "chapkit-artifact-content-sweep";

    @Bean
    @ConditionalOnMissingBean
    ArtifactHierarchy chapkitArtifactHierarchy(ChapkitArtifactProperties properties, Environment environment) {
        ChapkitArtifactProperties.Hierarchy hierarchy = properties.hierarchy();
        String name = hierarchy.name() == null || hierarchy.name().isBlank()
                ? environment.getProperty("chapkit.service.id", "chapkit")
                : hierarchy.name();
        return new ArtifactHierarchy(name, hierarchy.effectiveLevelLabels());
    }

    @Bean
    @ConditionalOnMissingBean
    ArtifactRepository chapkitArtifactRepository(ChapkitSchema schema, JdbcClient jdbc, ChapkitJsonMapper json) {
        return new ArtifactRepository(schema.tables().jdbc(jdbc), json.mapper());
    }

    @Bean
    @ConditionalOnMissingBean
    StoredData chapkitArtifactStoredData(
            ChapkitSchema schema, JdbcClient jdbc, ChapkitJsonMapper json, javax.sql.DataSource dataSource) {
        return new StoredData(schema.tables().jdbc(jdbc), json.mapper(), dataSource, schema.tables());
    }

    @Bean
    @ConditionalOnMissingBean
    ArtifactFrames chapkitArtifactFrames(ArtifactRepository repository, StoredData data) {
        return new ArtifactFrames(repository, data);
    }

    @Bean
    @ConditionalOnMissingBean
    ArtifactContentStorage chapkitArtifactContentStorage(
            ChapkitSchema schema, JdbcClient jdbc, ChapkitArtifactProperties properties) {
        ChapkitArtifactProperties.Storage storage = properties.storage();
        return switch (storage.type()) {
            case DATABASE -> new DatabaseContentStorage(schema.tables().jdbc(jdbc));
            case FILESYSTEM -> new FilesystemContentStorage(storage.filesystem().directory());
            case S3 ->
                throw new IllegalStateException(
                        "chapkit.artifacts.storage.type=s3 needs the chapkit-artifact-s3 module "
                                + "(org.chapkit:chapkit-artifact-s3) on the classpath");
        };
    }

    @Bean
    @ConditionalOnMissingBean
    ArtifactContentStore chapkitArtifactContentStore(
            ChapkitSchema schema,
            JdbcClient jdbc,
            ArtifactContentStorage storage,
            ObjectProvider<MeterRegistry> meters) {
        MeterRegistry registry = meters.getIfAvailable();
        ArtifactContentStorage measured =
                registry == null ? storage : new InstrumentedContentStorage(storage, registry);
        return new ArtifactContentStore(schema.tables().jdbc(jdbc), measured, List.of());
    }

    @Bean
    @ConditionalOnMissingBean(name = "chapkitArtifactContentSweep")
    @ConditionalOnExpression("!'${chapkit.artifacts.storage.type:database}'.equalsIgnoreCase('database')")
    RecurringWork chapkitArtifactContentSweep(
            ArtifactContentStore contents, ChapkitArtifactProperties properties, ObjectProvider<Clock> clock) {
        ChapkitArtifactProperties.Storage storage = properties.storage();
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        return new RecurringWork(
                ARTIFACT_CONTENT_SWEEP_TASK,
                storage.sweepInterval(),
                () -> contents.sweepOrphans(time.instant().minus(storage.orphanGrace())));
    }

    @Bean
    @ConditionalOnMissingBean
    ArtifactJson chapkitArtifactJson(ChapkitJsonMapper json) {
        return new ArtifactJson(json.mapper());
    }

    @Bean
    @ConditionalOnMissingBean
    ArtifactManager chapkitArtifactManager(
            ArtifactRepository repository,
            ArtifactContentStore contents,
            ArtifactJson json,
            ArtifactHierarchy hierarchy,
            PlatformTransactionManager transactionManager,
            ObjectProvider<Clock> clock,
            ObjectProvider<ConfigManager<?>> configs,
            ChapkitArtifactProperties properties,
            ObjectProvider<EventPublisher> events) {
        return new ArtifactManager(
                repository,
                contents,
                json,
                hierarchy,
                new TransactionTemplate(transactionManager),
                clock.getIfAvailable(Clock::systemUTC),
                configs.getIfAvailable(),
                properties.maxContentSize().toBytes(),
                properties.maxTreeDepth(),
                events.getIfAvailable(() -> EventPublisher.NONE));
    }

    @Bean
    @ConditionalOnMissingBean
    LinkedArtifactsDeletion chapkitLinkedArtifactsDeletion(
            ArtifactRepository repository, ArtifactContentStore contents, ObjectProvider<EventPublisher> events) {
        return new LinkedArtifactsDeletion(repository, contents, events.getIfAvailable(() -> EventPublisher.NONE));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    ArtifactController chapkitArtifactController(
            ArtifactManager artifacts,
            ObjectProvider<ConfigManager<?>> configs,
            JsonMapper mapper,
            ObjectProvider<ContractGeneration> contract,
            ObjectProvider<PageLimits> pages) {
        return new ArtifactController(
                artifacts,
                configs.getIfAvailable(),
                mapper,
                contract.getIfAvailable(() -> ContractGeneration.DEFAULT),
                pages.getIfAvailable(() -> PageLimits.DEFAULT));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    ArtifactTransferController chapkitArtifactTransferController(
            ArtifactManager artifacts,
            ArtifactFrames frames,
            JsonMapper mapper,
            ObjectProvider<TabularFormat> formats,
            ObjectProvider<DecompressionLimits> decompression,
            ChapkitArtifactProperties properties) {
        return new ArtifactTransferController(
                artifacts,
                frames,
                mapper,
                formats.orderedStream().toList(),
                decompression.getIfAvailable(() -> new DecompressionLimits(
                        artifacts.maxContentSize(), ArtifactTransferController.DEFAULT_DECOMPRESSION_RATIO)),
                properties.maxRowsLimit());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnBean(ConfigManager.class)
    ConfigArtifactController chapkitConfigArtifactController(ArtifactManager artifacts) {
        return new ConfigArtifactController(artifacts);
    }

    @Bean
    @ConditionalOnMissingBean(name = "chapkitArtifactContentUploadExemption")
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    RequestSizeExemption chapkitArtifactContentUploadExemption() {
        return request -> "PUT".equals(request.getMethod())
                && request.getRequestURI().startsWith("/api/v1/artifacts/")
                && (request.getRequestURI().endsWith("/$content")
                        || request.getRequestURI().endsWith("/%24content"));
    }
}
