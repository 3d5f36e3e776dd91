/**
 * Implementation of {@code org.chapkit.config}: public only so that chapkit's auto-configuration can build it.
 * Not API: applications use {@code org.chapkit.config}; these types may change in any release.
 */
package org.chapkit.config.internal;
