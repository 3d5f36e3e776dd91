package org.chapkit.autoconfigure.event.redis;

import org.chapkit.events.test.DocumentedProperties;
import org.junit.jupiter.api.Test;

/** The docs name only properties of this module that exist, with their real defaults. */
class DocumentedPropertiesTests {

    @Test
    void everyPropertyTheDocsNameUnderChapkitEventsRedisExists() {
        DocumentedProperties.check("chapkit.events.redis");
    }
}
