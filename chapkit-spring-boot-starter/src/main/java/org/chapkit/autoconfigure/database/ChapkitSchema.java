package org.chapkit.autoconfigure.database;

import org.chapkit.db.ChapkitTables;

/**
 * Marker bean meaning chapkit's tables exist at the current version. Auto-configurations whose beans use the
 * database take it as a parameter so they are created after the migration.
 *
 * @param vendor the database vendor the migrations were chosen for ({@code h2} or {@code postgresql})
 * @param version the schema version after migration, or null when no migration exists
 * @param tables where the tables are ({@code chapkit.database.schema}); every store's statements go through it
 */
public record ChapkitSchema(String vendor, String version, ChapkitTables tables) {

    /**
     * The tables in the connection's default schema.
     *
     * @param vendor the database vendor
     * @param version the schema version, or null
     */
    public ChapkitSchema(String vendor, String version) {
        this(vendor, version, ChapkitTables.DEFAULT);
    }
}
