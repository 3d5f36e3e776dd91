/**
 * Implementation of {@code org.chapkit.web}: public only so that chapkit's auto-configuration can build it.
 * Not API: applications use {@code org.chapkit.web}; these types may change in any release.
 */
package org.chapkit.web.internal;
