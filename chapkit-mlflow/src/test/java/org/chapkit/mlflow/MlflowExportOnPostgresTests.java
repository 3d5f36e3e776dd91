package org.chapkit.mlflow;

import java.util.Map;
import org.chapkit.test.TestDatabases;

/** {@link MlflowExportTests} on a fresh database of the embedded PostgreSQL. */
class MlflowExportOnPostgresTests extends MlflowExportTests {

    @Override
    Map<String, Object> datasource() {
        TestDatabases.Postgres postgres = TestDatabases.freshPostgres();
        return Map.of(
                "spring.datasource.url", postgres.url(),
                "spring.datasource.username", postgres.username(),
                "spring.datasource.password", postgres.password());
    }
}
