package org.chapkit.db;

import java.util.List;
import javax.sql.DataSource;
import org.chapkit.test.TestDatabases;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fresh database with chapkit's migrations applied, as the starter applies them at start-up (same locations, same
 * history table), for tests of the stores and their queries without a Spring Boot application.
 *
 * @param vendor {@code h2} or {@code postgresql}, the migration folder used
 * @param dataSource the database; a new connection per use, so concurrent callers really are concurrent
 */
public record StoreDatabase(String vendor, DataSource dataSource) {

    /** Chapkit's tables, children before parents, so rows can be deleted in this order. */
    private static final List<String> TABLES = List.of(
            "artifact_seals",
            "artifact_content_chunks",
            "artifact_contents",
            "config_artifacts",
            "artifacts",
            "configs",
            "task_runs",
            "schedules",
            "task_state",
            "jobs",
            "scheduled_tasks",
            "registration_leases",
            "security_api_keys",
            "security_audit",
            "security_rate_limit_buckets");

    /** The JSON mapper the stores are given in these tests. */
    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** A new, empty in-memory H2 database with chapkit's schema. */
    public static StoreDatabase h2() {
        return migrated("h2", new DriverManagerDataSource(TestDatabases.freshH2(), "sa", ""));
    }

    /** A new, empty database with chapkit's schema on a real PostgreSQL (embedded unless configured). */
    public static StoreDatabase postgres() {
        TestDatabases.Postgres postgres = TestDatabases.freshPostgres();
        return migrated(
                "postgresql", new DriverManagerDataSource(postgres.url(), postgres.username(), postgres.password()));
    }

    /**
     * A new database of {@code vendor}.
     *
     * @param vendor {@code h2} or {@code postgresql}
     * @return the migrated database
     */
    public static StoreDatabase of(String vendor) {
        return switch (vendor) {
            case "h2" -> h2();
            case "postgresql" -> postgres();
            default -> throw new IllegalArgumentException("Chapkit supports h2 and postgresql, not " + vendor);
        };
    }

    private static StoreDatabase migrated(String vendor, DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:org/chapkit/db/migration/" + vendor)
                .table("chapkit_schema_history")
                .load()
                .migrate();
        return new StoreDatabase(vendor, dataSource);
    }

    /** A client on this database. */
    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    /** Runs callbacks in transactions on this database. */
    public TransactionTemplate transactions() {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Deletes every row of chapkit's tables, so each test starts from an empty schema. */
    public void empty() {
        JdbcClient jdbc = jdbc();
        for (String table : TABLES) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }
}
