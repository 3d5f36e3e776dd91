package org.chapkit.test;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points a test application context at a fresh database on a real PostgreSQL server. */
public class PostgresDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabases.Postgres database = TestDatabases.freshPostgres();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "chapkitTestDatabase",
                        Map.of(
                                "spring.datasource.url", database.url(),
                                "spring.datasource.username", database.username(),
                                "spring.datasource.password", database.password(),
                                "spring.datasource.hikari.maximum-pool-size", "8")));
    }
}
