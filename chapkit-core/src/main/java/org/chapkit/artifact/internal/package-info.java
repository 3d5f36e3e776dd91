/**
 * Implementation of {@code org.chapkit.artifact}: public only so that chapkit's auto-configuration can build it.
 * Not API: applications use {@code org.chapkit.artifact}; these types may change in any release.
 */
package org.chapkit.artifact.internal;
