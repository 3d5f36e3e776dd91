package org.chapkit.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Every fresh database is a real, empty one of its own: a table made in one is not seen in the next. */
class TestDatabasesTests {

    @Test
    void freshH2DatabasesAreSeparate() throws SQLException {
        String first = TestDatabases.freshH2();
        String second = TestDatabases.freshH2();

        assertThat(first).isNotEqualTo(second).startsWith("jdbc:h2:mem:");
        try (Connection connection = DriverManager.getConnection(first, "sa", "")) {
            createTable(connection);
        }
        try (Connection connection = DriverManager.getConnection(first, "sa", "")) {
            assertThat(hasTable(connection)).as("kept while the JVM lives").isTrue();
        }
        try (Connection connection = DriverManager.getConnection(second, "sa", "")) {
            assertThat(hasTable(connection)).isFalse();
        }
    }

    @Test
    void freshPostgresDatabasesAreSeparateDatabasesOnOneServer() throws SQLException {
        TestDatabases.Postgres first = TestDatabases.freshPostgres();
        TestDatabases.Postgres second = TestDatabases.freshPostgres();

        assertThat(first.url()).isNotEqualTo(second.url()).startsWith("jdbc:postgresql://");
        try (Connection connection = DriverManager.getConnection(first.url(), first.username(), first.password())) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            createTable(connection);
        }
        try (Connection connection = DriverManager.getConnection(second.url(), second.username(), second.password())) {
            assertThat(hasTable(connection)).isFalse();
        }
    }

    @Test
    void theDatabaseNameIsReplacedAndTheQueryKept() {
        assertThat(TestDatabases.replaceDatabase("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres", "Test_1"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/test_1?user=postgres");
        assertThat(TestDatabases.replaceDatabase("jdbc:postgresql://db:5432/postgres", "other"))
                .isEqualTo("jdbc:postgresql://db:5432/other");
    }

    private static void createTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE marker (id INT)");
        }
    }

    private static boolean hasTable(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                if (tables.getString("TABLE_NAME").equalsIgnoreCase("marker")) {
                    return true;
                }
            }
            return false;
        }
    }
}
