/**
 * Implementation of {@code org.chapkit.security.key}: public only so that chapkit's auto-configuration can build it.
 * Not API: applications use {@code org.chapkit.security.key}; these types may change in any release.
 */
package org.chapkit.security.key.internal;
