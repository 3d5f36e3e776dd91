/**
 * Implementation of {@code org.chapkit.problem}: public only so that chapkit's auto-configuration can build it.
 * Not API: applications use {@code org.chapkit.problem}; these types may change in any release.
 */
package org.chapkit.problem.internal;
