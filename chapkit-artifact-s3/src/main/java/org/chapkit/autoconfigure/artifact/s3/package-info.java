/** Auto-configuration of S3 artifact content storage ({@code chapkit.artifacts.storage.type=s3}). */
package org.chapkit.autoconfigure.artifact.s3;
