package org.chapkit.autoconfigure.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.chapkit.artifact.ArtifactManager;
import org.chapkit.autoconfigure.RunnerAutoConfigurations;
import org.chapkit.autoconfigure.artifact.ChapkitArtifactAutoConfiguration;
import org.chapkit.autoconfigure.config.ChapkitConfigAutoConfiguration;
import org.chapkit.config.ConfigManager;
import org.chapkit.config.DefaultConfig;
import org.chapkit.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Chapkit stores JSON with its own mapper: the application's Jackson settings do not reach stored data. */
class ChapkitJsonMapperTests {

    /** Settings that would change persisted JSON if chapkit stored with the application's mapper. */
    private static final String[] APP_JACKSON_SETTINGS = {
        "spring.jackson.serialization.indent-output=true",
        "spring.jackson.default-property-inclusion=non_null",
        "spring.jackson.property-naming-strategy=UPPER_CAMEL_CASE"
    };

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(RunnerAutoConfigurations.JDBC)
            .withConfiguration(AutoConfigurations.of(
                    ChapkitConfigAutoConfiguration.class, ChapkitArtifactAutoConfiguration.class));

    /** Artifact data as a Java record: unannotated names, a null component. */
    record Scores(String modelName, Double meanError, String note) {}

    @Test
    void applicationJacksonSettingsLeaveStoredConfigAndArtifactJsonIdentical() {
        StoredJson plain = storeSamples(runner);
        StoredJson tuned = storeSamples(runner.withPropertyValues(APP_JACKSON_SETTINGS));

        assertThat(tuned.appMapperOutput()).isNotEqualTo(plain.appMapperOutput());
        assertThat(tuned.artifactData()).isEqualTo(plain.artifactData()).contains("\"modelName\"", "\"note\":null");
        assertThat(tuned.configData()).isEqualTo(plain.configData());
    }

    @Test
    void theMapperIsNotTheApplicationsJsonMapperBean() {
        runner.withPropertyValues(APP_JACKSON_SETTINGS).run(context -> {
            JsonMapper chapkit = context.getBean(ChapkitJsonMapper.class).mapper();
            assertThat(chapkit).isNotSameAs(context.getBean(JsonMapper.class));
            assertThat(chapkit.isEnabled(SerializationFeature.INDENT_OUTPUT)).isFalse();
            assertThat(context.getBean(JsonMapper.class).isEnabled(SerializationFeature.INDENT_OUTPUT))
                    .isTrue();
            assertThat(context.getBean(ArtifactManager.class).json().mapper()).isSameAs(chapkit);
        });
    }

    @Test
    void customizersAdjustTheMapperInOrder() {
        runner.withUserConfiguration(Customizers.class).run(context -> {
            JsonMapper chapkit = context.getBean(ChapkitJsonMapper.class).mapper();
            assertThat(chapkit.isEnabled(SerializationFeature.INDENT_OUTPUT)).isFalse();
            assertThat(context.getBean(JsonMapper.class).isEnabled(SerializationFeature.INDENT_OUTPUT))
                    .isFalse();
        });
    }

    @Test
    void aUserMapperReplacesChapkitsAndIsUsedForStorage() {
        runner.withUserConfiguration(OwnMapper.class).run(context -> {
            assertThat(context).hasSingleBean(ChapkitJsonMapper.class);
            assertThat(context.getBean(ChapkitJsonMapper.class)).isSameAs(OwnMapper.MAPPER);
            assertThat(context.getBean(ArtifactManager.class).json().mapper()).isSameAs(OwnMapper.MAPPER.mapper());
        });
    }

    private static StoredJson storeSamples(ApplicationContextRunner runner) {
        AtomicReference<StoredJson> stored = new AtomicReference<>();
        runner.withPropertyValues("spring.datasource.url=" + TestDatabases.freshH2())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    ArtifactManager artifacts = context.getBean(ArtifactManager.class);
                    @SuppressWarnings("unchecked")
                    ConfigManager<DefaultConfig> configs = context.getBean(ConfigManager.class);
                    artifacts.create(null, null, new Scores("ridge", 0.25, null), List.of("eval"));
                    configs.create("baseline", new DefaultConfig(4, List.of("rainfall")), List.of());
                    JdbcClient jdbc = context.getBean(JdbcClient.class);
                    stored.set(new StoredJson(
                            jdbc.sql("SELECT data FROM artifacts")
                                    .query(String.class)
                                    .single(),
                            jdbc.sql("SELECT data FROM configs")
                                    .query(String.class)
                                    .single(),
                            context.getBean(JsonMapper.class).writeValueAsString(Map.of("someKey", 1))));
                });
        return stored.get();
    }

    record StoredJson(String artifactData, String configData, String appMapperOutput) {}

    @Configuration(proxyBeanMethods = false)
    static class Customizers {

        @Bean
        @Order(2)
        ChapkitJsonMapperCustomizer second() {
            return builder -> builder.disable(SerializationFeature.INDENT_OUTPUT);
        }

        @Bean
        @Order(1)
        ChapkitJsonMapperCustomizer first() {
            return builder -> builder.enable(SerializationFeature.INDENT_OUTPUT);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnMapper {

        static final ChapkitJsonMapper MAPPER =
                new ChapkitJsonMapper(JsonMapper.builder().build());

        @Bean
        ChapkitJsonMapper ownChapkitJsonMapper() {
            return MAPPER;
        }
    }
}
