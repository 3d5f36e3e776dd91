package org.chapkit.autoconfigure.diagnostics;

import org.chapkit.autoconfigure.database.DatabaseConnectionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/** Reports a database chapkit cannot reach at start-up. */
final class DatabaseConnectionFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseConnectionException> {

    private final Environment environment;

    DatabaseConnectionFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseConnectionException cause) {
        String url = environment == null ? null : environment.getProperty("spring.datasource.url");
        return new FailureAnalysis(
                "Chapkit cannot connect to the database" + (url == null ? "" : " at " + url)
                        + " to create or migrate its tables: "
                        + cause.getCause().getMessage(),
                "Check that the database server is running and reachable from this machine, and check"
                        + " spring.datasource.url, spring.datasource.username and spring.datasource.password. For a"
                        + " zero-setup database instead, remove spring.datasource.url and add com.h2database:h2: chapkit"
                        + " then keeps its data in an H2 file under ./data (chapkit.database.directory).",
                cause);
    }
}
