/**
 * Hierarchical artifacts ({@code /api/v1/artifacts}): CRUD, trees, metadata, streamed download and upload, and
 * DataFrame files ({@code $download?format=}, {@code $export}, {@code $import}).
 */
package org.chapkit.client.artifact;
