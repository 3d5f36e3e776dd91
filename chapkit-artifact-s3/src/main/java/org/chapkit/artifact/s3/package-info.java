/** Artifact content in S3-compatible object storage: {@link org.chapkit.artifact.s3.S3ContentStorage}. */
package org.chapkit.artifact.s3;
