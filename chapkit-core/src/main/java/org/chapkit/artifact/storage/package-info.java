/**
 * Where artifact binary content lives: the {@link org.chapkit.artifact.storage.ArtifactContentStorage} SPI and its
 * database and filesystem backends (object storage comes with the optional {@code chapkit-artifact-s3} module).
 */
package org.chapkit.artifact.storage;
