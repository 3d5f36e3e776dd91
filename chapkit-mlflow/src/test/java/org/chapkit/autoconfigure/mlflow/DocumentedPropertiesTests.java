package org.chapkit.autoconfigure.mlflow;

import org.chapkit.events.test.DocumentedProperties;
import org.junit.jupiter.api.Test;

/** The docs name only properties of this module that exist, with their real defaults. */
class DocumentedPropertiesTests {

    @Test
    void everyPropertyTheDocsNameUnderChapkitMlflowExists() {
        DocumentedProperties.check("chapkit.mlflow");
    }
}
