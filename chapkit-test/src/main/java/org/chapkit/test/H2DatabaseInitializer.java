package org.chapkit.test;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points a test application context at a fresh in-memory H2 database. */
public class H2DatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "chapkitTestDatabase",
                        Map.of(
                                "spring.datasource.url", TestDatabases.freshH2(),
                                "spring.datasource.username", "sa",
                                "spring.datasource.password", "",
                                "spring.datasource.hikari.maximum-pool-size", "8",
                                "chapkit.database.warn-in-memory", "false")));
    }
}
