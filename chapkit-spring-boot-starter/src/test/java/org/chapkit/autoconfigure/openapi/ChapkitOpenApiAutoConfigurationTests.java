package org.chapkit.autoconfigure.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.tags.Tag;
import org.chapkit.autoconfigure.info.ServiceInfoAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's identity from the service info, chapkit's doc paths beside springdoc's, and the back-off. */
class ChapkitOpenApiAutoConfigurationTests {

    private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(
            ValidationAutoConfiguration.class,
            ServiceInfoAutoConfiguration.class,
            ChapkitOpenApiAutoConfiguration.class);

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(CONFIGURATIONS)
            .withPropertyValues(
                    "chapkit.service.id=my-model",
                    "chapkit.service.display-name=My Model",
                    "chapkit.service.version=2.1.0",
                    "chapkit.service.description=Forecasts dengue");

    @Test
    void theDocumentIsNamedAfterTheServiceAndListsTheMlWorkflowFirst() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(OpenAPI.class);
            Info info = context.getBean(OpenAPI.class).getInfo();
            assertThat(info.getTitle()).isEqualTo("My Model");
            assertThat(info.getVersion()).isEqualTo("2.1.0");
            assertThat(info.getDescription()).isEqualTo("Forecasts dengue");
            assertThat(context.getBean(OpenAPI.class).getTags())
                    .extracting(Tag::getName)
                    .startsWith("ML")
                    .endsWith("Observability");
        });
    }

    @Test
    void chapkitsPathsForwardToSpringdocsConfiguredPaths() {
        runner.run(context -> {
            OpenApiAliasController aliases = context.getBean(OpenApiAliasController.class);
            assertThat(aliases.openApiJson()).isEqualTo("forward:/v3/api-docs");
            assertThat(aliases.docs()).isEqualTo("redirect:/swagger-ui.html");
        });
        runner.withPropertyValues("springdoc.api-docs.path=/api-docs", "springdoc.swagger-ui.path=/ui.html")
                .run(context -> {
                    OpenApiAliasController aliases = context.getBean(OpenApiAliasController.class);
                    assertThat(aliases.openApiJson()).isEqualTo("forward:/api-docs");
                    assertThat(aliases.docs()).isEqualTo("redirect:/ui.html");
                });
    }

    @Test
    void aDocumentOfTheApplicationWins() {
        runner.withUserConfiguration(OwnDocument.class).run(context -> {
            assertThat(context).hasSingleBean(OpenAPI.class);
            assertThat(context.getBean(OpenAPI.class).getInfo().getTitle()).isEqualTo("Own");
        });
    }

    @Test
    void backsOffWhenSwitchedOffOrOutsideAServletApplication() {
        runner.withPropertyValues("chapkit.openapi.enabled=false")
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(OpenAPI.class)
                        .doesNotHaveBean(OpenApiAliasController.class));
        new ApplicationContextRunner()
                .withConfiguration(CONFIGURATIONS)
                .withPropertyValues("chapkit.service.id=my-model")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(OpenAPI.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnDocument {

        @Bean
        OpenAPI ownOpenApi() {
            return new OpenAPI().info(new Info().title("Own"));
        }
    }
}
