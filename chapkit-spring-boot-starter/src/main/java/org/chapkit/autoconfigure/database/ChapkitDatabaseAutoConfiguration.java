package org.chapkit.autoconfigure.database;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Migrates chapkit's tables with Flyway before any chapkit feature touches the database. Uses the application's
 * {@link DataSource}: PostgreSQL through {@code spring.datasource.*}, or, when no URL is set, an H2 file database
 * under {@code ./data} ({@link DefaultDatabaseEnvironmentPostProcessor}; H2 must be on the class path).
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(Flyway.class)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(ChapkitDatabaseProperties.class)
public final class ChapkitDatabaseAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ChapkitSchema chapkitSchema(
            DataSource dataSource, ChapkitDatabaseProperties properties, ConfigurableEnvironment environment) {
        ChapkitSchema schema = ChapkitSchemaMigrator.migrate(dataSource, properties);
        DatabaseLocationReport.report(dataSource, environment, properties);
        return schema;
    }
}
