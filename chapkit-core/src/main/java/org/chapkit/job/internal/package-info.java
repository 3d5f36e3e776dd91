/**
 * Implementation of {@code org.chapkit.job}: public only so that chapkit's auto-configuration can build it.
 * Not API: applications use {@code org.chapkit.job}; these types may change in any release.
 */
package org.chapkit.job.internal;
