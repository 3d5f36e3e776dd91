/**
 * Implementation of {@code org.chapkit.taskrun}: public only so that chapkit's auto-configuration can build it.
 * Not API: applications use {@code org.chapkit.taskrun}; these types may change in any release.
 */
package org.chapkit.taskrun.internal;
