package org.chapkit.autoconfigure.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.chapkit.autoconfigure.info.ServiceInfoAutoConfiguration;
import org.chapkit.info.ServiceInfo;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
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
public final class ChapkitOpenApiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OpenAPI chapkitOpenApi(ServiceInfo info) {
        return new OpenAPI()
                .info(new Info()
                        .title(info.displayName())
                        .version(info.version())
                        .description(info.description()));
    }

    @Bean
    OpenApiAliasController chapkitOpenApiAliasController(Environment environment) {
        String apiDocs = environment.getProperty("springdoc.api-docs.path", "/v3/api-docs");
        String swaggerUi = environment.getProperty("springdoc.swagger-ui.path", "/swagger-ui.html");
        return new OpenApiAliasController(apiDocs, swaggerUi);
    }
}
