/**
 * Implementation of {@code org.chapkit.metrics}: public only so that chapkit's auto-configuration can build it.
 * Not API: applications use {@code org.chapkit.metrics}; these types may change in any release.
 */
package org.chapkit.metrics.internal;
