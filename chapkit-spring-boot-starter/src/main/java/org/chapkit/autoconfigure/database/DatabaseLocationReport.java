package org.chapkit.autoconfigure.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Says at start-up where chapkit keeps its data when the application did not choose: the H2 file under {@code
 * ./data} (info), or an in-memory database that loses everything when the service stops (warning).
 */
final class DatabaseLocationReport {

    private static final Logger log = LoggerFactory.getLogger(ChapkitDatabaseAutoConfiguration.class);

    private DatabaseLocationReport() {}

    static void report(
            DataSource dataSource, ConfigurableEnvironment environment, ChapkitDatabaseProperties properties) {
        String url = url(dataSource);
        if (url == null) {
            return;
        }
        if (url.startsWith("jdbc:h2:mem:")) {
            if (properties.warnInMemory()) {
                log.warn(
                        "Chapkit runs on an in-memory H2 database ({}): every config, artifact and job is lost when"
                                + " the service stops. Set spring.datasource.url to a PostgreSQL database, or drop"
                                + " chapkit.database.in-memory to keep the data in an H2 file under {}.",
                        url,
                        properties.directory());
            }
            return;
        }
        String defaultUrl = defaultUrl(environment);
        if (defaultUrl != null && defaultUrl.equals(environment.getProperty("spring.datasource.url"))) {
            String file = defaultUrl.substring("jdbc:h2:file:".length(), defaultUrl.indexOf(';'));
            log.info(
                    "No spring.datasource.url is set: chapkit keeps its data in the H2 file database {}.mv.db"
                            + " (directory: chapkit.database.directory). Set spring.datasource.url to use PostgreSQL.",
                    Path.of(file).toAbsolutePath().normalize());
        }
    }

    private static String defaultUrl(ConfigurableEnvironment environment) {
        PropertySource<?> source =
                environment.getPropertySources().get(DefaultDatabaseEnvironmentPostProcessor.PROPERTY_SOURCE);
        return source == null ? null : (String) source.getProperty("spring.datasource.url");
    }

    private static String url(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        } catch (SQLException ex) {
            // the migration has just connected; a report is not worth failing start-up for
            return null;
        }
    }
}
