package org.chapkit.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh, isolated databases for tests: an in-memory H2, or a new database on a real PostgreSQL. PostgreSQL is an
 * embedded server from Maven Central (started once per JVM, no Docker), unless the system property
 * {@code chapkit.test.postgres.url} names a server to use instead (for example {@code
 * jdbc:postgresql://127.0.0.1:5432/test?user=postgres}).
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile EmbeddedPostgres embedded;

    private TestDatabases() {}

    /** A JDBC URL of a new, empty in-memory H2 database that lives until the JVM exits. */
    public static String freshH2() {
        return "jdbc:h2:mem:chapkit_" + COUNTER.incrementAndGet() + "_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    }

    /** Connection facts of a new, empty PostgreSQL database. */
    public static Postgres freshPostgres() {
        return freshPostgres(System.getProperty("chapkit.test.postgres.url", ""));
    }

    /**
     * Connection facts of a new, empty PostgreSQL database on the given server.
     *
     * @param serverUrl JDBC URL of a database on the server to create it on (user {@code postgres}, as in {@code
     *     jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}); blank for the embedded server
     * @return the new database
     */
    public static Postgres freshPostgres(String serverUrl) {
        String name = "chapkit_test_" + COUNTER.incrementAndGet() + "_"
                + ProcessHandle.current().pid();
        String adminUrl = serverUrl == null || serverUrl.isBlank() ? embeddedUrl() : serverUrl;
        try (Connection connection = DriverManager.getConnection(adminUrl, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException ex) {
            throw new IllegalStateException("Cannot create test database on " + adminUrl + ": " + ex.getMessage(), ex);
        }
        return new Postgres(replaceDatabase(adminUrl, name), "postgres", "");
    }

    private static String embeddedUrl() {
        return embedded().getJdbcUrl("postgres", "postgres");
    }

    private static EmbeddedPostgres embedded() {
        if (embedded == null) {
            synchronized (TestDatabases.class) {
                if (embedded == null) {
                    try {
                        embedded = EmbeddedPostgres.builder()
                                .setServerConfig("max_connections", "300")
                                .start();
                    } catch (IOException ex) {
                        throw new UncheckedIOException("Cannot start embedded PostgreSQL", ex);
                    }
                    Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::closeEmbedded));
                }
            }
        }
        return embedded;
    }

    private static void closeEmbedded() {
        try {
            embedded.close();
        } catch (IOException ex) {
            // The JVM is exiting; the server's files are in a temporary directory.
        }
    }

    static String replaceDatabase(String url, String database) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?', slash);
        String rest = query < 0 ? "" : url.substring(query);
        return url.substring(0, slash + 1) + database.toLowerCase(Locale.ROOT) + rest;
    }

    /**
     * A PostgreSQL database for one test context.
     *
     * @param url JDBC URL
     * @param username user name
     * @param password password
     */
    public record Postgres(String url, String username, String password) {}
}
