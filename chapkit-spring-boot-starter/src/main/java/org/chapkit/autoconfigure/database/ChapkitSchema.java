package org.chapkit.autoconfigure.database;

/**
 * Marker bean meaning chapkit's tables exist at the current version. Auto-configurations whose beans use the
 * database take it as a parameter so they are created after the migration.
 *
 * @param vendor the database vendor the migrations were chosen for ({@code h2} or {@code postgresql})
 * @param version the schema version after migration, or null when no migration exists
 */
public record ChapkitSchema(String vendor, String version) {}
