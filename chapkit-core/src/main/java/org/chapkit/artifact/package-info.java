/** Hierarchical artifacts: JSON data plus streamed binary content, trees, config links and {@code /api/v1/artifacts}. */
package org.chapkit.artifact;
