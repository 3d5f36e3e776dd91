package org.chapkit.autoconfigure.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How chapkit manages its tables.
 *
 * @param migrate whether chapkit applies its Flyway migrations at start-up; turn off only when a DBA applies them
 * @param historyTable the table in which chapkit's own Flyway history is kept, apart from the application's
 */
@ConfigurationProperties("chapkit.database")
public record ChapkitDatabaseProperties(
        @DefaultValue("true") boolean migrate,
        @DefaultValue("chapkit_schema_history") String historyTable) {}
