/** Auto-configuration of artifact storage and {@code /api/v1/artifacts}. */
package org.chapkit.autoconfigure.artifact;
