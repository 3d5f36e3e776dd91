/**
 * Implementation of {@code org.chapkit.registration}: public only so that chapkit's auto-configuration can build it.
 * Not API: applications use {@code org.chapkit.registration}; these types may change in any release.
 */
package org.chapkit.registration.internal;
