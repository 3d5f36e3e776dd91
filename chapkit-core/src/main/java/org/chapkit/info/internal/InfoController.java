package org.chapkit.info.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chapkit.info.ServiceInfo;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves {@code GET /api/v1/info}. */
@RestController
@RequestMapping(path = "/api/v1/info", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Service")
public class InfoController {

    private final ServiceInfo info;

    public InfoController(ServiceInfo info) {
        this.info = info;
    }

    /** The service's identity and model capabilities. */
    @GetMapping
    @Operation(
            summary = "Service identity and model capabilities",
            description = "What chap-core reads to register the model.")
    public ServiceInfo info() {
        return info;
    }
}
