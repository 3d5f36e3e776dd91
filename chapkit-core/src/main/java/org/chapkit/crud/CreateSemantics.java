package org.chapkit.crud;

/** What {@code POST} on a collection does when the body names an id that already exists. */
public enum CreateSemantics {
    /** chapkit 1.x: the existing entity is updated (upsert). */
    UPSERT,
    /** chapkit 2.x: the request is refused with 409; {@code PUT} is the update path. */
    CREATE_ONLY
}
