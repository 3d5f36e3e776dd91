/**
 * Implementation of {@code org.chapkit.health}: public only so that chapkit's auto-configuration can build it.
 * Not API: applications use {@code org.chapkit.health}; these types may change in any release.
 */
package org.chapkit.health.internal;
