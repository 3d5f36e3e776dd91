package org.chapkit.autoconfigure.info;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.chapkit.autoconfigure.contract.ChapkitContractAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.info.InfoContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.info.InfoEndpointAutoConfiguration;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

/** Actuator's {@code info}: chapkit's section beside Spring Boot's build and git info. */
class ActuatorInfoTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    ChapkitContractAutoConfiguration.class,
                    ProjectInfoAutoConfiguration.class,
                    InfoContributorAutoConfiguration.class,
                    InfoEndpointAutoConfiguration.class,
                    ServiceInfoAutoConfiguration.class,
                    ValidationAutoConfiguration.class))
            .withPropertyValues(
                    "chapkit.service.id=my-model",
                    "chapkit.service.display-name=My Model",
                    "chapkit.service.version=2.0.1",
                    "management.endpoints.web.exposure.include=info");

    @Test
    void infoCarriesServiceContractBuildAndGit() {
        runner.withPropertyValues(
                        "chapkit.contract.generation=1",
                        "spring.info.build.location=classpath:info-test/build-info.properties",
                        "spring.info.git.location=classpath:info-test/git.properties")
                .run(context -> {
                    Map<String, Object> info =
                            context.getBean(InfoEndpoint.class).info();
                    assertThat(info).containsKeys("chapkit", "build", "git");
                    @SuppressWarnings("unchecked")
                    Map<String, Object> chapkit = (Map<String, Object>) info.get("chapkit");
                    assertThat(chapkit)
                            .containsEntry(
                                    "service", Map.of("id", "my-model", "display_name", "My Model", "version", "2.0.1"))
                            .containsEntry("contract_generation", 1)
                            .containsKey("version");
                    assertThat(info.get("build").toString()).contains("4.5.6");
                    assertThat(info.get("git").toString()).contains("0123456");
                });
    }

    @Test
    void withoutBuildOrGitInfoOnlyChapkitsSection() {
        runner.run(context -> {
            Map<String, Object> info = context.getBean(InfoEndpoint.class).info();
            assertThat(info).containsKey("chapkit").doesNotContainKeys("build", "git");
            assertThat(info.get("chapkit")).asString().contains("contract_generation=2");
        });
    }

    @Test
    void anOwnChapkitInfoContributorReplacesChapkits() {
        runner.withBean("chapkitInfoContributor", InfoContributor.class, () -> builder -> builder.withDetail("own", 1))
                .run(context -> assertThat(context.getBean(InfoEndpoint.class).info())
                        .containsKey("own")
                        .doesNotContainKey("chapkit"));
    }
}
