package org.chapkit.autoconfigure.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.chapkit.artifact.ArtifactContentStore;
import org.chapkit.artifact.ArtifactHierarchy;
import org.chapkit.artifact.ArtifactManager;
import org.chapkit.artifact.ArtifactRepository;
import org.chapkit.artifact.internal.ArtifactController;
import org.chapkit.artifact.internal.ConfigArtifactController;
import org.chapkit.artifact.internal.LinkedArtifactsDeletion;
import org.chapkit.artifact.storage.ArtifactContentStorage;
import org.chapkit.artifact.storage.ContentReference;
import org.chapkit.artifact.storage.DatabaseContentStorage;
import org.chapkit.artifact.storage.FilesystemContentStorage;
import org.chapkit.artifact.transfer.internal.ArtifactFrames;
import org.chapkit.artifact.transfer.internal.ArtifactTransferController;
import org.chapkit.artifact.transfer.internal.StoredData;
import org.chapkit.autoconfigure.config.ChapkitConfigAutoConfiguration;
import org.chapkit.autoconfigure.database.ChapkitDatabaseAutoConfiguration;
import org.chapkit.job.RecurringWork;
import org.chapkit.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the artifact auto-configuration needs, what its properties set, and how it backs off. */
class ChapkitArtifactAutoConfigurationTests {

    private static final AutoConfigurations JDBC = AutoConfigurations.of(
            DataSourceAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class,
            JdbcClientAutoConfiguration.class,
            JacksonAutoConfiguration.class,
            ValidationAutoConfiguration.class);

    private static final AutoConfigurations CHAPKIT = AutoConfigurations.of(
            ChapkitDatabaseAutoConfiguration.class,
            ChapkitConfigAutoConfiguration.class,
            ChapkitArtifactAutoConfiguration.class);

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(JDBC)
            .withConfiguration(CHAPKIT)
            .withPropertyValues("spring.datasource.url=" + TestDatabases.freshH2());

    @Test
    void storesTheManagerAndTheEndpointsWithTheDefaults() {
        runner.withPropertyValues("chapkit.service.id=my-model").run(context -> {
            assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(ArtifactRepository.class)
                    .hasSingleBean(ArtifactContentStore.class)
                    .hasSingleBean(ArtifactManager.class)
                    .hasSingleBean(LinkedArtifactsDeletion.class)
                    .hasSingleBean(ArtifactController.class)
                    .hasSingleBean(ConfigArtifactController.class)
                    .hasSingleBean(StoredData.class)
                    .hasSingleBean(ArtifactFrames.class)
                    .hasSingleBean(ArtifactTransferController.class);
            assertThat(context.getBean(ArtifactManager.class).maxContentSize()).isEqualTo(1024L * 1024 * 1024);
            assertThat(context.getBean(ArtifactHierarchy.class))
                    .isEqualTo(
                            new ArtifactHierarchy("my-model", Map.of(0, "ml_training_workspace", 1, "ml_prediction")));
        });
    }

    @Test
    void thePropertiesSetTheContentLimitAndTheHierarchy() {
        runner.withPropertyValues(
                        "chapkit.artifacts.max-content-size=5MB",
                        "chapkit.artifacts.hierarchy.name=experiments",
                        "chapkit.artifacts.hierarchy.level-labels.0=study",
                        "chapkit.artifacts.hierarchy.level-labels.1=run")
                .run(context -> {
                    assertThat(context.getBean(ArtifactManager.class).maxContentSize())
                            .isEqualTo(5L * 1024 * 1024);
                    ArtifactHierarchy hierarchy = context.getBean(ArtifactHierarchy.class);
                    assertThat(hierarchy.name()).isEqualTo("experiments");
                    assertThat(hierarchy.label(0)).isEqualTo("study");
                    assertThat(hierarchy.label(1)).isEqualTo("run");
                    assertThat(hierarchy.label(2)).isEqualTo("level_2");
                });
    }

    @Test
    void contentGoesToTheDatabaseUnlessAnotherStorageIsChosen(@TempDir Path directory) {
        runner.run(context -> {
            assertThat(context.getBean(ArtifactContentStorage.class)).isInstanceOf(DatabaseContentStorage.class);
            assertThat(context).doesNotHaveBean("chapkitArtifactContentSweep");
        });
        runner.withPropertyValues(
                        "chapkit.artifacts.storage.type=filesystem",
                        "chapkit.artifacts.storage.filesystem.directory=" + directory,
                        "chapkit.artifacts.storage.sweep-interval=3m")
                .run(context -> {
                    assertThat(context.getBean(ArtifactContentStorage.class))
                            .isInstanceOfSatisfying(
                                    FilesystemContentStorage.class,
                                    storage -> assertThat(storage.directory()).isEqualTo(directory.toAbsolutePath()));
                    assertThat(context.getBean(ArtifactContentStore.class)
                                    .storage()
                                    .type())
                            .isEqualTo("filesystem");
                    RecurringWork sweep = context.getBean("chapkitArtifactContentSweep", RecurringWork.class);
                    assertThat(sweep.name()).isEqualTo(ChapkitArtifactAutoConfiguration.ARTIFACT_CONTENT_SWEEP_TASK);
                    assertThat(sweep.delay()).isEqualTo(Duration.ofMinutes(3));
                });
    }

    @Test
    void s3StorageWithoutItsModuleFailsNamingTheModule() {
        runner.withPropertyValues("chapkit.artifacts.storage.type=s3")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("chapkit-artifact-s3"));
    }

    @Test
    void aStorageOfTheUsersReplacesChapkits() {
        runner.withBean(ArtifactContentStorage.class, () -> OWN_STORAGE)
                .run(context -> assertThat(
                                context.getBean(ArtifactContentStore.class).storage())
                        .isSameAs(OWN_STORAGE));
    }

    private static final ArtifactContentStorage OWN_STORAGE = new ArtifactContentStorage() {
        @Override
        public String type() {
            return "own";
        }

        @Override
        public ContentReference write(String contentId, java.io.InputStream in) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.io.InputStream open(ContentReference content) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(String contentId) {}

        @Override
        public void forEachWrittenBefore(java.time.Instant cutoff, java.util.function.Consumer<String> action) {}
    };

    @Test
    void withoutConfigsTheConfigLinksAreNotServed() {
        runner.withPropertyValues("chapkit.config.enabled=false")
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .hasSingleBean(ArtifactController.class)
                        .doesNotHaveBean(ConfigArtifactController.class));
    }

    @Test
    void outsideAServletApplicationThereAreNoEndpoints() {
        new ApplicationContextRunner()
                .withConfiguration(JDBC)
                .withConfiguration(CHAPKIT)
                .withPropertyValues("spring.datasource.url=" + TestDatabases.freshH2())
                .run(context -> assertThat(context)
                        .hasSingleBean(ArtifactManager.class)
                        .doesNotHaveBean(ArtifactController.class)
                        .doesNotHaveBean(ConfigArtifactController.class));
    }

    @Test
    void backsOffWhenSwitchedOffOrWithoutADatabase() {
        runner.withPropertyValues("chapkit.artifacts.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ArtifactManager.class));
        new WebApplicationContextRunner()
                .withConfiguration(CHAPKIT)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ArtifactManager.class));
    }

    @Test
    void aHierarchyOfTheApplicationWins() {
        runner.withUserConfiguration(OwnHierarchy.class).run(context -> {
            assertThat(context).hasSingleBean(ArtifactHierarchy.class);
            assertThat(context.getBean(ArtifactHierarchy.class).name()).isEqualTo("own");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnHierarchy {

        @Bean
        ArtifactHierarchy ownHierarchy() {
            return new ArtifactHierarchy("own", Map.of(0, "root"));
        }
    }
}
