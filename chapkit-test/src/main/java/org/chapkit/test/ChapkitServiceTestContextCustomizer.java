package org.chapkit.test;

import java.util.LinkedHashMap;
import java.util.Map;
import org.chapkit.client.ChapkitClient;
import org.chapkit.test.ChapkitServiceTest.TestDatabase;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Prepares the context of a {@link ChapkitServiceTest}: a fresh database ahead of every other property source, the
 * schedule and registration switches, and the lazily created client beans (the port is known only once the server
 * runs). A record, so that equal attributes mean one cached context.
 *
 * @param database the requested database
 * @param schedules whether due schedules fire
 * @param registration whether the service registers with chap-core
 */
record ChapkitServiceTestContextCustomizer(TestDatabase database, boolean schedules, boolean registration)
        implements ContextCustomizer {

    static final String PROPERTY_SOURCE = "chapkitServiceTest";
    static final String POSTGRES_URL = "chapkit.test.postgres.url";
    static final String POSTGRES_EMBEDDED = "chapkit.test.postgres.embedded";

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
        ConfigurableEnvironment environment = context.getEnvironment();
        Map<String, Object> properties = new LinkedHashMap<>(databaseProperties(environment));
        properties.put("chapkit.schedules.fire", Boolean.toString(schedules));
        properties.put("chapkit.registration.enabled", Boolean.toString(registration));
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
        if (context instanceof BeanDefinitionRegistry registry) {
            registerClientBeans(registry, environment);
        }
    }

    private Map<String, Object> databaseProperties(ConfigurableEnvironment environment) {
        String serverUrl = environment.getProperty(POSTGRES_URL, "");
        boolean embedded = environment.getProperty(POSTGRES_EMBEDDED, Boolean.class, false);
        boolean postgres = switch (database) {
            case H2 -> false;
            case POSTGRES -> true;
            case AUTO -> !serverUrl.isBlank() || embedded;
        };
        if (!postgres) {
            return Map.of(
                    "spring.datasource.url", TestDatabases.freshH2(),
                    "spring.datasource.username", "sa",
                    "spring.datasource.password", "",
                    "spring.datasource.driver-class-name", "org.h2.Driver",
                    "chapkit.database.warn-in-memory", "false");
        }
        TestDatabases.Postgres fresh = TestDatabases.freshPostgres(serverUrl);
        return Map.of(
                "spring.datasource.url", fresh.url(),
                "spring.datasource.username", fresh.username(),
                "spring.datasource.password", fresh.password(),
                "spring.datasource.driver-class-name", "org.postgresql.Driver");
    }

    private static void registerClientBeans(BeanDefinitionRegistry registry, ConfigurableEnvironment environment) {
        RootBeanDefinition client = new RootBeanDefinition(
                ChapkitClient.class,
                () -> ChapkitClient.create("http://127.0.0.1:" + environment.getRequiredProperty("local.server.port")));
        client.setLazyInit(true);
        client.setDestroyMethodName("close");
        registry.registerBeanDefinition("chapkitTestClient", client);
        RootBeanDefinition waiter = new RootBeanDefinition(JobWaiter.class);
        waiter.setLazyInit(true);
        registry.registerBeanDefinition("chapkitTestJobWaiter", waiter);
    }
}
