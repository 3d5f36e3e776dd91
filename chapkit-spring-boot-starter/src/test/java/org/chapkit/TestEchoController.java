package org.chapkit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints that exist only in tests, to drive the error paths of the web plumbing. */
@RestController
public class TestEchoController {

    /** Echoes a validated JSON body. */
    @PostMapping(path = "/test/echo", consumes = "application/json")
    public Greeting echo(@Valid @RequestBody Greeting greeting) {
        return greeting;
    }

    /** Fails with an unexpected exception whose message must not reach the client. */
    @GetMapping("/test/boom")
    public String boom() {
        throw new IllegalStateException("secret internal state: password=hunter2");
    }

    /** Answers at a {@code $}-action path. */
    @GetMapping("/test/items/$schema")
    public String schema() {
        return "schema";
    }

    /** A test body. */
    public record Greeting(@NotBlank String name, @Min(1) int times) {}
}
