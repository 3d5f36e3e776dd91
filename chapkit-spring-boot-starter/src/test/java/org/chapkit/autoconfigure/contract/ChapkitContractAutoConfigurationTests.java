package org.chapkit.autoconfigure.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.chapkit.autoconfigure.info.ServiceInfoAutoConfiguration;
import org.chapkit.contract.ContractGeneration;
import org.chapkit.info.ServiceInfo;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.info.GitProperties;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ChapkitContractAutoConfigurationTests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    ChapkitContractAutoConfiguration.class,
                    ServiceInfoAutoConfiguration.class,
                    ValidationAutoConfiguration.class));

    @Test
    void generationTwoIsTheDefaultAndOneCanBeChosen() {
        runner.run(context ->
                assertThat(context.getBean(ContractGeneration.class)).isEqualTo(ContractGeneration.GENERATION_2));
        runner.withPropertyValues("chapkit.contract.generation=1")
                .run(context -> assertThat(context.getBean(ContractGeneration.class))
                        .isEqualTo(ContractGeneration.GENERATION_1));
    }

    @Test
    void anUnknownGenerationFailsStartupNamingTheProperty() {
        runner.withPropertyValues("chapkit.contract.generation=3").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("chapkit.contract.generation");
        });
    }

    @Test
    void generationTwoInfoCarriesTargetSearchSpaceAndTheGitRevision() {
        runner.withUserConfiguration(Git.class)
                .withPropertyValues(
                        "chapkit.service.id=my-model",
                        "chapkit.service.period-type=any",
                        "chapkit.service.target=cases",
                        "chapkit.service.hpo-search-space[n_lags].low=1",
                        "chapkit.service.hpo-search-space[n_lags].high=12",
                        "chapkit.service.hpo-search-space[smoothing].low=0.01",
                        "chapkit.service.hpo-search-space[smoothing].high=1",
                        "chapkit.service.hpo-search-space[smoothing].log=true",
                        "chapkit.service.hpo-search-space[method].values=linear,poisson",
                        "chapkit.service.hpo-search-space[depth].values=2,4,8")
                .run(context -> {
                    JsonNode info = MAPPER.valueToTree(context.getBean(ServiceInfo.class));
                    assertThat(info.get("period_type").asString()).isEqualTo("any");
                    assertThat(info.get("target").asString()).isEqualTo("cases");
                    assertThat(info.get("hpo_search_space").toString())
                            .isEqualTo("{\"n_lags\":{\"low\":1,\"high\":12},"
                                    + "\"smoothing\":{\"low\":0.01,\"high\":1.0,\"log\":true},"
                                    + "\"method\":{\"values\":[\"linear\",\"poisson\"]},"
                                    + "\"depth\":{\"values\":[2,4,8]}}");
                    assertThat(info.get("git_revision").asString())
                            .isEqualTo("3f2c1ab9d0e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4");
                    assertThat(info.get("chapkit_version").asString()).isNotBlank();
                    assertThat(info.get("servicekit_version").isNull()).isTrue();
                });
    }

    @Test
    void generationOneInfoHasNoNewKeysAndRefusesPeriodTypeAny() {
        runner.withPropertyValues("chapkit.contract.generation=1").run(context -> {
            JsonNode info = MAPPER.valueToTree(context.getBean(ServiceInfo.class));
            assertThat(info.has("target")).isFalse();
            assertThat(info.has("git_revision")).isFalse();
            assertThat(info.size()).isEqualTo(11);
        });
        runner.withPropertyValues("chapkit.contract.generation=1", "chapkit.service.period-type=any")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("chapkit.contract.generation=2"));
    }

    @Test
    void anInvalidSearchSpaceFailsStartupNamingTheParameter() {
        runner.withPropertyValues("chapkit.service.hpo-search-space[n_lags].low=1")
                .run(context ->
                        assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("n_lags"));
    }

    @Configuration(proxyBeanMethods = false)
    static class Git {
        @Bean
        GitProperties gitProperties() {
            Properties properties = new Properties();
            properties.setProperty("commit.id", "3f2c1ab9d0e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4");
            return new GitProperties(properties);
        }
    }
}
