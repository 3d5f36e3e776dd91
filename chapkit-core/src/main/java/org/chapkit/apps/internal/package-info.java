/**
 * Implementation of {@code org.chapkit.apps}: public only so that chapkit's auto-configuration can build it.
 * Not API: applications use {@code org.chapkit.apps}; these types may change in any release.
 */
package org.chapkit.apps.internal;
