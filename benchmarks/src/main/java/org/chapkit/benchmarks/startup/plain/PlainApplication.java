package org.chapkit.benchmarks.startup.plain;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The start-up baseline: an empty Spring Boot app on the sample app's own libraries (webmvc, actuator, jdbc,
 * validation, springdoc, H2, the PostgreSQL driver, …) minus chapkit's jars. The harness starts it from a directory
 * holding only this package, never from {@code benchmarks.jar}.
 */
@SpringBootApplication
public class PlainApplication {

    public static void main(String[] args) {
        SpringApplication.run(PlainApplication.class, args);
    }
}
