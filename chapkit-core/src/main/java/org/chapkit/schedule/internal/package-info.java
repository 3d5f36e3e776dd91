/**
 * Implementation of {@code org.chapkit.schedule}: public only so that chapkit's auto-configuration can build it.
 * Not API: applications use {@code org.chapkit.schedule}; these types may change in any release.
 */
package org.chapkit.schedule.internal;
