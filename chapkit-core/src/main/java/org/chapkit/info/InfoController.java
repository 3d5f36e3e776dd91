package org.chapkit.info;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves {@code GET /api/v1/info}. */
@RestController
@RequestMapping(path = "/api/v1/info", produces = MediaType.APPLICATION_JSON_VALUE)
public class InfoController {

    private final ServiceInfo info;

    public InfoController(ServiceInfo info) {
        this.info = info;
    }

    /** The service's identity and model capabilities. */
    @GetMapping
    public ServiceInfo info() {
        return info;
    }
}
