package org.chapkit.autoconfigure.openapi;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * chapkit's paths for the API description, next to springdoc's own: {@code /openapi.json} serves the same document
 * as {@code /v3/api-docs} and {@code /docs} opens Swagger UI.
 */
@Controller
@Hidden
public class OpenApiAliasController {

    private final String apiDocsPath;
    private final String swaggerUiPath;

    public OpenApiAliasController(String apiDocsPath, String swaggerUiPath) {
        this.apiDocsPath = apiDocsPath;
        this.swaggerUiPath = swaggerUiPath;
    }

    /** The OpenAPI 3 document as JSON. */
    @GetMapping("/openapi.json")
    public String openApiJson() {
        return "forward:" + apiDocsPath;
    }

    /** Swagger UI. */
    @GetMapping("/docs")
    public String docs() {
        return "redirect:" + swaggerUiPath;
    }
}
