/**
 * Implementation of {@code org.chapkit.info}: public only so that chapkit's auto-configuration can build it.
 * Not API: applications use {@code org.chapkit.info}; these types may change in any release.
 */
package org.chapkit.info.internal;
