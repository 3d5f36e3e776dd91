/**
 * Hierarchical artifacts, the CRUD side: JSON data plus binary content (written and read as streams), trees, config
 * links and the CRUD part of {@code /api/v1/artifacts}. Moving data in and out in file formats is
 * {@code org.chapkit.artifact.transfer}, built on this package; nothing here depends on it.
 */
package org.chapkit.artifact;
