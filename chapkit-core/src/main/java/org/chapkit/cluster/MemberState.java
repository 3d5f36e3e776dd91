package org.chapkit.cluster;

/** Where a member stands, as the cluster sees it. */
public enum MemberState {
    /** Heartbeating. */
    ALIVE,
    /** Missed its heartbeats; declared dead by another member. */
    DEAD,
    /** Shut down gracefully. */
    LEFT
}
