/** Test fixture: fresh H2 and PostgreSQL databases with chapkit's migrations applied, for the store tests. */
package org.chapkit.db;
