/**
 * Implementation of {@code org.chapkit.task}: public only so that chapkit's auto-configuration can build it.
 * Not API: applications use {@code org.chapkit.task}; these types may change in any release.
 */
package org.chapkit.task.internal;
