package org.chapkit.autoconfigure.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Without {@code spring.datasource.url} a service keeps its data in an H2 file under {@code ./data} and says where;
 * an in-memory database is used only when asked for, and then with a warning.
 */
@ExtendWith(OutputCaptureExtension.class)
class DefaultDatabaseTests {

    @Test
    void withoutAUrlTheServiceUsesAnH2FileDatabaseAndLogsWhere(@TempDir Path directory, CapturedOutput output)
            throws SQLException {
        try (ConfigurableApplicationContext context =
                start("--chapkit.database.directory=" + directory, "--spring.application.name=my-model")) {
            assertThat(url(context)).startsWith("jdbc:h2:file:" + directory + "/my-model");
        }
        assertThat(Files.exists(directory.resolve("my-model.mv.db"))).isTrue();
        assertThat(output)
                .contains("No spring.datasource.url is set: chapkit keeps its data in the H2 file database "
                        + directory.toAbsolutePath().normalize().resolve("my-model") + ".mv.db");
    }

    @Test
    void anInMemoryDatabaseIsUsedOnlyWhenAskedForAndThenWithAWarning(@TempDir Path directory, CapturedOutput output)
            throws SQLException {
        try (ConfigurableApplicationContext context =
                start("--chapkit.database.directory=" + directory, "--chapkit.database.in-memory=true")) {
            assertThat(url(context)).startsWith("jdbc:h2:mem:");
        }
        assertThat(directory).isEmptyDirectory();
        assertThat(output)
                .contains("Chapkit runs on an in-memory H2 database")
                .contains("every config, artifact and job is lost when the service stops");
    }

    @Test
    void aConfiguredUrlWinsAndNothingIsAdded() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(
                        new MapPropertySource("test", Map.of("spring.datasource.url", "jdbc:postgresql://db/chapkit")));
        new DefaultDatabaseEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getPropertySources().contains(DefaultDatabaseEnvironmentPostProcessor.PROPERTY_SOURCE))
                .isFalse();
    }

    @Test
    void withoutH2OnTheClassPathNothingIsAdded() {
        StandardEnvironment environment = new StandardEnvironment();
        SpringApplication application = new SpringApplication();
        application.setResourceLoader(new DefaultResourceLoader(new FilteredClassLoader("org.h2")));
        new DefaultDatabaseEnvironmentPostProcessor().postProcessEnvironment(environment, application);
        assertThat(environment.getPropertySources().contains(DefaultDatabaseEnvironmentPostProcessor.PROPERTY_SOURCE))
                .isFalse();
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(App.class)
                .properties("server.port=0")
                .run(args);
    }

    private static String url(ConfigurableApplicationContext context) throws SQLException {
        try (Connection connection = context.getBean(DataSource.class).getConnection()) {
            return connection.getMetaData().getURL();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {}
}
