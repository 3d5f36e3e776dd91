/**
 * Implementation of {@code org.chapkit.system}: public only so that chapkit's auto-configuration can build it.
 * Not API: applications use {@code org.chapkit.system}; these types may change in any release.
 */
package org.chapkit.system.internal;
