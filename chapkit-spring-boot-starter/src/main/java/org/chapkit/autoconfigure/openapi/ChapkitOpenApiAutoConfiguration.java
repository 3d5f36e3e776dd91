package org.chapkit.autoconfigure.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import org.chapkit.autoconfigure.info.ServiceInfoAutoConfiguration;
import org.chapkit.info.ServiceInfo;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Describes the API with springdoc: the document's title and version come from the service info, and chapkit's
 * paths {@code /openapi.json} and {@code /docs} are served beside springdoc's defaults. Switch off with
 * {@code chapkit.openapi.enabled=false}.
 */
@AutoConfiguration(after = ServiceInfoAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OpenAPI.class)
@ConditionalOnBooleanProperty(name = "chapkit.openapi.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ChapkitOpenApiProperties.class)
public final class ChapkitOpenApiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OpenAPI chapkitOpenApi(ServiceInfo info) {
        return new OpenAPI()
                .info(new Info()
                        .title(info.displayName())
                        .version(info.version())
                        .description(info.description()))
                // Swagger UI lists tags in this order: the ML workflow first, the plumbing last
                .tags(List.of(
                        new Tag().name("ML").description("Train, predict and validate models"),
                        new Tag().name("Config").description("Typed model configurations"),
                        new Tag().name("Artifacts").description("Trained models, predictions and other stored results"),
                        new Tag().name("Jobs").description("Background jobs: status, progress, events, cancellation"),
                        new Tag().name("Tasks").description("Named operations run as jobs"),
                        new Tag().name("Schedules").description("Tasks run by cron, interval or once"),
                        new Tag().name("Service").description("Identity, system facts and hosted apps"),
                        new Tag().name("Observability").description("Health and metrics")));
    }

    @Bean
    @ConditionalOnMissingBean
    OpenApiAliasController chapkitOpenApiAliasController(Environment environment) {
        String apiDocs = environment.getProperty("springdoc.api-docs.path", "/v3/api-docs");
        String swaggerUi = environment.getProperty("springdoc.swagger-ui.path", "/swagger-ui.html");
        return new OpenApiAliasController(apiDocs, swaggerUi);
    }
}
