package org.chapkit.autoconfigure.database;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How chapkit manages its tables, and the database it uses when {@code spring.datasource.url} is not set.
 *
 * @param migrate whether chapkit applies its Flyway migrations at start-up; turn off only when a DBA applies them
 * @param historyTable the table in which chapkit's own Flyway history is kept, apart from the application's
 * @param schema the schema of chapkit's tables, db-scheduler's {@code scheduled_tasks} and the history table
 *     included; created when missing. Empty (the default): the connection's default schema ({@code public} on
 *     PostgreSQL). Set it (for example to {@code chapkit}) when chapkit shares a database with an application that
 *     has its own Flyway migrations, its own db-scheduler or tables named like chapkit's
 * @param directory the directory of the H2 file database used when {@code spring.datasource.url} is not set (the
 *     file is named after {@code spring.application.name}); needs {@code com.h2database:h2} on the class path
 * @param inMemory use a throwaway in-memory H2 database instead of the file database when {@code
 *     spring.datasource.url} is not set; every config, artifact and job is lost when the service stops
 * @param warnInMemory whether start-up logs a warning when the database is an in-memory one (the test kit turns it
 *     off: a test database is meant to be thrown away)
 */
@ConfigurationProperties("chapkit.database")
@Validated
public record ChapkitDatabaseProperties(
        @DefaultValue("true") boolean migrate,
        @DefaultValue("chapkit_schema_history") String historyTable,

        @DefaultValue("")
        @Pattern(
                regexp = "([A-Za-z_][A-Za-z0-9_]*)?",
                message = "must be a plain SQL identifier: letters, digits and '_', not starting with a digit")
        String schema,

        @DefaultValue("./data") String directory,
        @DefaultValue("false") boolean inMemory,
        @DefaultValue("true") boolean warnInMemory) {}
