package org.chapkit.autoconfigure.registration;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.chapkit.TestServiceApplication;
import org.chapkit.registration.ChapCoreRegistration;
import org.chapkit.registration.RegistrationStatus;
import org.chapkit.test.HttpApi;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts test services that register with a {@link ChapCoreRegistryServer}, each its own application context on a
 * real port, with short intervals; closes whatever is still running.
 */
final class ServiceInstances implements AutoCloseable {

    /** The key the tests' registries expect. */
    static final String KEY = "test-registration-key-5b1f0c";

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    /**
     * Starts a service.
     *
     * @param datasourceUrl JDBC URL of its database (shared by instances of a cluster)
     * @param username database user
     * @param password database password
     * @param properties further {@code key=value} properties
     */
    Instance start(String datasourceUrl, String username, String password, String... properties) {
        AtomicLong ready = new AtomicLong();
        String[] base = {
            "spring.datasource.url=" + datasourceUrl,
            "spring.datasource.username=" + username,
            "spring.datasource.password=" + password,
            "spring.datasource.hikari.maximum-pool-size=4",
            "server.port=0",
            "spring.main.banner-mode=off",
            "chapkit.service.id=registered-model",
            "chapkit.registration.keepalive-interval=200ms",
            "chapkit.registration.request-timeout=2s",
            "chapkit.registration.backoff.initial=100ms",
            "chapkit.registration.backoff.max=400ms"
        };
        // as command-line arguments, so they win over the test application.properties; later ones replace earlier ones
        Map<String, String> merged = new LinkedHashMap<>();
        Stream.concat(Stream.of(base), Stream.of(properties)).forEach(property -> {
            int equals = property.indexOf('=');
            merged.put(property.substring(0, equals), property.substring(equals + 1));
        });
        String[] arguments = merged.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TestServiceApplication.class)
                .listeners((ApplicationListener<ApplicationReadyEvent>) event -> ready.set(System.nanoTime()))
                .run(arguments);
        contexts.add(context);
        return new Instance(context, ready.get());
    }

    /** A secret file holding {@code key}. */
    static Path keyFile(Path directory, String key) {
        try {
            Path file = Files.createTempFile(directory, "registration-key", ".txt");
            Files.writeString(file, key + "\n");
            return file;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        contexts.forEach(ConfigurableApplicationContext::close);
        contexts.clear();
    }

    /**
     * One running service.
     *
     * @param context its application context
     * @param readyNanos {@link System#nanoTime()} of its {@code ApplicationReadyEvent}
     */
    record Instance(ConfigurableApplicationContext context, long readyNanos) {

        int port() {
            return ((WebServerApplicationContext) context).getWebServer().getPort();
        }

        HttpApi http() {
            return new HttpApi(port());
        }

        RegistrationStatus status() {
            return context.getBean(ChapCoreRegistration.class).status();
        }

        MeterRegistry meters() {
            return context.getBean(MeterRegistry.class);
        }

        double attempts(String operation) {
            var counter = meters().find("chapkit.registration.attempts")
                    .tag("operation", operation)
                    .counter();
            return counter == null ? 0 : counter.count();
        }

        void close() {
            context.close();
        }
    }
}
