package org.chapkit.crud;

/** How {@code PUT} on an entity reads its body. */
public enum UpdateSemantics {
    /**
     * chapkit 1.x: the body replaces the entity; its required fields must be sent, optional ones (tags, parent) are
     * left alone when absent.
     */
    REPLACE,
    /**
     * chapkit 2.x: exactly the fields sent are applied; an explicit {@code null} clears a nullable field, absent fields
     * stay as they are.
     */
    SENT_FIELDS;

    /** Whether a field that is absent from the body must be reported as missing (rather than kept). */
    public boolean requiresAllFields() {
        return this == REPLACE;
    }
}
