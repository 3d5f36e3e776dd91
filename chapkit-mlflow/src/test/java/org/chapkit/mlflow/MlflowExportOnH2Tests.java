package org.chapkit.mlflow;

import java.util.Map;
import org.chapkit.test.TestDatabases;

/** {@link MlflowExportTests} on an in-memory H2. */
class MlflowExportOnH2Tests extends MlflowExportTests {

    @Override
    Map<String, Object> datasource() {
        return Map.of("spring.datasource.url", TestDatabases.freshH2());
    }
}
