package org.chapkit.events.test.app;

import java.util.List;
import java.util.Map;
import org.chapkit.config.DefaultConfig;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.runner.FunctionalModelRunner;
import org.chapkit.ml.runner.ModelRunner;
import org.chapkit.test.TestDatabases;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A chapkit service whose model is the mean of {@code disease_cases}: training and prediction take milliseconds, so a
 * flow's events come from chapkit, not from the model.
 */
@SpringBootApplication
public class EventsTestApplication {

    /**
     * Outbox settings that retry a failed delivery within a fraction of a second, so an outage test waits for the
     * broker, not for the backoff.
     */
    public static final Map<String, Object> FAST_DELIVERY = Map.of(
            "chapkit.events.poll-interval", "100ms",
            "chapkit.events.lease", "2s",
            "chapkit.events.delivery.initial-backoff", "100ms",
            "chapkit.events.delivery.max-backoff", "500ms");

    /**
     * The system property naming the file {@link #main(String[])} writes the service's port to once it serves.
     */
    public static final String PORT_FILE = "chapkit.test.port-file";

    /** The trained model: a mean. */
    public record Mean(double value) {}

    @Bean
    ModelRunner<DefaultConfig, Mean> meanRunner() {
        return FunctionalModelRunner.builder(DefaultConfig.class, Mean.class)
                .train((input, context) -> new Mean(input.data().column("disease_cases").stream()
                        .mapToDouble(cell -> Double.parseDouble(String.valueOf(cell)))
                        .average()
                        .orElse(0)))
                .predictFrame((input, context) -> {
                    List<List<Object>> rows = new java.util.ArrayList<>();
                    List<Object> periods = input.future().column("time_period");
                    List<Object> locations = input.future().column("location");
                    for (int row = 0; row < input.future().size(); row++) {
                        rows.add(DataFrame.row(
                                periods.get(row),
                                locations.get(row),
                                input.model().value()));
                    }
                    return DataFrame.of(List.of("time_period", "location", "sample_0"), rows);
                })
                .build();
    }

    /**
     * Starts the service in this JVM's own process (a child JVM of a test, {@code ChildService}): the arguments are
     * {@code --name=value} properties, the database among them ({@code --spring.datasource.url=…}); the port goes to
     * the file named by {@link #PORT_FILE}.
     *
     * @param args the properties
     * @throws java.io.IOException when the port file cannot be written
     */
    public static void main(String[] args) throws java.io.IOException {
        java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            properties.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        String database = String.valueOf(properties.remove("spring.datasource.url"));
        ConfigurableApplicationContext context = start(database, properties);
        String port = context.getEnvironment().getRequiredProperty("local.server.port");
        java.nio.file.Path file = java.nio.file.Path.of(System.getProperty(PORT_FILE));
        java.nio.file.Path written = file.resolveSibling(file.getFileName() + ".tmp");
        java.nio.file.Files.writeString(written, port);
        java.nio.file.Files.move(written, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Starts the service on a random port.
     *
     * @param database the JDBC URL of its database (e.g. {@link TestDatabases#freshH2()}; kept across starts)
     * @param properties more properties, e.g. the adapter's
     * @return the running service
     */
    public static ConfigurableApplicationContext start(String database, Map<String, Object> properties) {
        return start(EventsTestApplication.class, database, properties);
    }

    /**
     * Starts another test application the same way: a random port, its own service id's settings, registration and
     * schedule firing off.
     *
     * @param applicationClass the {@code @SpringBootApplication} class
     * @param database the JDBC URL of its database
     * @param properties more properties, e.g. the adapter's (they win over the defaults here)
     * @return the running service
     */
    public static ConfigurableApplicationContext start(
            Class<?> applicationClass, String database, Map<String, Object> properties) {
        SpringApplication application = new SpringApplication(applicationClass);
        java.util.Map<String, Object> all = new java.util.LinkedHashMap<>();
        all.put("server.port", "0");
        all.put("spring.datasource.url", database);
        all.put("chapkit.service.id", "events-test");
        all.put("chapkit.registration.enabled", "false");
        all.put("chapkit.schedules.fire", "false");
        all.put("spring.main.banner-mode", "off");
        all.putAll(properties);
        // as arguments, so they win over system properties (the in-JVM Kafka broker sets
        // spring.kafka.bootstrap-servers)
        return application.run(all.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new));
    }
}
