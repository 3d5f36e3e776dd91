package org.chapkit.autoconfigure.database;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Gives a service without {@code spring.datasource.url} an H2 <em>file</em> database under {@code ./data}, so that
 * configs, artifacts and jobs survive a restart (Spring Boot's own fallback is an in-memory database that loses them).
 * Adds the URL as the property source of lowest precedence, so that any configured URL, including one a test adds
 * later, wins. Does nothing when H2 is not on the class path, or when {@code chapkit.database.in-memory=true} asks
 * for Spring Boot's in-memory database. {@link ChapkitDatabaseAutoConfiguration} logs which database is used.
 */
public final class DefaultDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** Name of the property source holding the default URL. */
    public static final String PROPERTY_SOURCE = "chapkitDefaultDatabase";

    static final String H2_DRIVER = "org.h2.Driver";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url")
                || environment.getProperty("chapkit.database.in-memory", Boolean.class, false)
                || !ClassUtils.isPresent(H2_DRIVER, application.getClassLoader())) {
            return;
        }
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        PROPERTY_SOURCE,
                        Map.of(
                                "spring.datasource.url", defaultUrl(environment),
                                "spring.datasource.username", "sa",
                                "spring.datasource.password", "")));
    }

    static String defaultUrl(ConfigurableEnvironment environment) {
        String directory = environment.getProperty("chapkit.database.directory", "./data");
        String name = environment.getProperty("spring.application.name", "chapkit");
        return "jdbc:h2:file:" + directory + "/" + name.replaceAll("[^A-Za-z0-9_.-]", "_") + ";AUTO_SERVER=FALSE";
    }

    @Override
    public int getOrder() {
        // after the config data (application.yml) is loaded, so a URL configured there is seen
        return Ordered.LOWEST_PRECEDENCE;
    }
}
