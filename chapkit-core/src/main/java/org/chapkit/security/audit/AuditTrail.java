package org.chapkit.security.audit;

import org.chapkit.security.audit.internal.AuditStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records audited requests: a row in {@code security_audit} and a structured log event on the logger
 * {@value #LOGGER} (key-value pairs {@code audit.subject}, {@code audit.method} …, so a JSON log encoder emits them
 * as fields).
 */
public class AuditTrail {

    /** Name of the logger the audit events go to. */
    public static final String LOGGER = "chapkit.audit";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private final AuditStore store;

    public AuditTrail(AuditStore store) {
        this.store = store;
    }

    /** Stores and logs {@code event}. */
    public void record(AuditEvent event) {
        store.insert(event);
        log.atInfo()
                .addKeyValue("audit.id", event.id())
                .addKeyValue("audit.subject", event.subject())
                .addKeyValue("audit.key_prefix", event.keyPrefix())
                .addKeyValue(
                        "audit.role", event.role() == null ? null : event.role().wireName())
                .addKeyValue("audit.method", event.method())
                .addKeyValue("audit.path", event.path())
                .addKeyValue("audit.resource_id", event.resourceId())
                .addKeyValue("audit.status", event.status())
                .addKeyValue("audit.outcome", event.outcome().wireName())
                .addKeyValue("audit.request_id", event.requestId())
                .log(
                        "audit {} {} {} -> {} ({}) by {}",
                        event.outcome().wireName(),
                        event.method(),
                        event.path(),
                        event.status(),
                        event.role() == null ? "anonymous" : event.role().wireName(),
                        event.subject());
    }
}
