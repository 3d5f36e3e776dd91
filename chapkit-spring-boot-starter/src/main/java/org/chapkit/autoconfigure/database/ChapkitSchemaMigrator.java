package org.chapkit.autoconfigure.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.chapkit.db.ChapkitTables;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies chapkit's migrations with a Flyway instance of its own (own history table), so that an application's
 * own Flyway setup, if any, is left alone. Migrations live in {@code classpath:org/chapkit/db/migration/<vendor>}.
 * With {@code chapkit.database.schema} they run in that schema (created when missing), history table included.
 */
final class ChapkitSchemaMigrator {

    static final String LOCATION = "classpath:org/chapkit/db/migration/";

    private ChapkitSchemaMigrator() {}

    static ChapkitSchema migrate(DataSource dataSource, ChapkitDatabaseProperties properties) {
        String vendor = vendorOf(dataSource);
        ChapkitTables tables = ChapkitTables.inSchema(properties.schema());
        FluentConfiguration configuration = Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION + vendor)
                .table(properties.historyTable())
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .failOnMissingLocations(false);
        if (tables.schema() != null) {
            // Created if missing; the migrations' unqualified DDL and the history table go into it. Flyway quotes the
            // name, chapkit's statements do not: fold it as the database folds unquoted names.
            String schema = vendor.equals("h2")
                    ? tables.schema().toUpperCase(Locale.ROOT)
                    : tables.schema().toLowerCase(Locale.ROOT);
            configuration.schemas(schema).defaultSchema(schema).createSchemas(true);
        }
        Flyway flyway = configuration.load();
        if (properties.migrate()) {
            // the result names the version, so start-up does not scan the migrations a second time for info()
            MigrateResult result = flyway.migrate();
            return new ChapkitSchema(
                    vendor,
                    result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                    tables);
        }
        flyway.validate();
        MigrationInfo current = flyway.info().current();
        return new ChapkitSchema(
                vendor, current == null ? null : current.getVersion().getVersion(), tables);
    }

    static String vendorOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("h2")) {
                return "h2";
            }
            if (product.contains("postgres")) {
                return "postgresql";
            }
            throw new IllegalStateException("Chapkit supports H2 and PostgreSQL; the configured database is '"
                    + connection.getMetaData().getDatabaseProductName() + "'");
        } catch (SQLException ex) {
            throw new DatabaseConnectionException(ex);
        }
    }
}
