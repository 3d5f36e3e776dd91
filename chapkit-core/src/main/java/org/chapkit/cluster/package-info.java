/**
 * The cluster: members registered in the shared database with heartbeats (a member missing them is declared dead by
 * the others), and the leader with its monotonic epoch, the fencing token every leader-only write checks.
 */
package org.chapkit.cluster;
