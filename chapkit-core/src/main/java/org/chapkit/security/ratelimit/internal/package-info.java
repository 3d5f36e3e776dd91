/**
 * Implementation of {@code org.chapkit.security.ratelimit}: public only so that chapkit's auto-configuration can build it.
 * Not API: applications use {@code org.chapkit.security.ratelimit}; these types may change in any release.
 */
package org.chapkit.security.ratelimit.internal;
