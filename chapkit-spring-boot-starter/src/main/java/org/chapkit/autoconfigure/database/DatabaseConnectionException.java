package org.chapkit.autoconfigure.database;

/** Chapkit cannot reach the application's database to migrate its tables; stops start-up. */
public class DatabaseConnectionException extends IllegalStateException {

    /**
     * A failed connection.
     *
     * @param cause the driver's error
     */
    public DatabaseConnectionException(Throwable cause) {
        super("Cannot connect to the database to migrate chapkit's tables: " + cause.getMessage(), cause);
    }
}
