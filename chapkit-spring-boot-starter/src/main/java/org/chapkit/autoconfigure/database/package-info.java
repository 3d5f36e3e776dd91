/** Auto-configuration of chapkit's database schema, migrated by Flyway on H2 and PostgreSQL. */
package org.chapkit.autoconfigure.database;
