package org.chapkit.autoconfigure.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.chapkit.test.TestDatabases;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Chapkit's own migrations on H2 and PostgreSQL, in their own history table, and what the properties change. */
class ChapkitDatabaseAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(DataSourceAutoConfiguration.class, ChapkitDatabaseAutoConfiguration.class));

    @Test
    void migratesH2ToTheNewestVersionInItsOwnHistoryTable() {
        runner.withPropertyValues("spring.datasource.url=" + TestDatabases.freshH2())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ChapkitSchema.class)).isEqualTo(new ChapkitSchema("h2", newest("h2")));
                    assertThat(tables(context.getBean(DataSource.class)))
                            .contains("chapkit_schema_history", "configs", "artifacts", "jobs", "scheduled_tasks")
                            .doesNotContain("flyway_schema_history");
                });
    }

    @Test
    void migratesPostgresqlToTheNewestVersion() {
        TestDatabases.Postgres postgres = TestDatabases.freshPostgres();
        runner.withPropertyValues(
                        "spring.datasource.url=" + postgres.url(),
                        "spring.datasource.username=" + postgres.username(),
                        "spring.datasource.password=" + postgres.password())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ChapkitSchema.class))
                            .isEqualTo(new ChapkitSchema("postgresql", newest("postgresql")));
                });
    }

    @Test
    void theHistoryTableCanBeRenamed() {
        runner.withPropertyValues(
                        "spring.datasource.url=" + TestDatabases.freshH2(),
                        "chapkit.database.history-table=my_chapkit_history")
                .run(context -> assertThat(tables(context.getBean(DataSource.class)))
                        .contains("my_chapkit_history")
                        .doesNotContain("chapkit_schema_history"));
    }

    @Test
    void withoutMigratingAMigratedDatabaseIsValidatedAndAnEmptyOneStopsTheStart() {
        String url = TestDatabases.freshH2();
        runner.withPropertyValues("spring.datasource.url=" + url, "chapkit.database.migrate=false")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("spring.datasource.url=" + url)
                .run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues("spring.datasource.url=" + url, "chapkit.database.migrate=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ChapkitSchema.class).version()).isEqualTo(newest("h2"));
                });
    }

    @Test
    void backsOffWithoutADataSource() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ChapkitDatabaseAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ChapkitSchema.class));
    }

    /** The highest version among the migrations chapkit ships for {@code vendor}. */
    private static String newest(String vendor) {
        try {
            Resource[] migrations = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:org/chapkit/db/migration/" + vendor + "/V*__*.sql");
            List<MigrationVersion> versions = Arrays.stream(migrations)
                    .map(Resource::getFilename)
                    .map(name -> MigrationVersion.fromVersion(name.substring(1, name.indexOf("__"))))
                    .toList();
            return versions.stream()
                    .max(Comparator.naturalOrder())
                    .orElseThrow()
                    .getVersion();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The names of the database's tables, in lower case (H2 keeps unquoted names in upper case). */
    private static List<String> tables(DataSource dataSource) {
        return JdbcClient.create(dataSource)
                .sql("SELECT table_name FROM information_schema.tables")
                .query(String.class)
                .list()
                .stream()
                .map(name -> name.toLowerCase(Locale.ROOT))
                .toList();
    }
}
