/** Hierarchical artifacts ({@code /api/v1/artifacts}): CRUD, trees, metadata, streamed download and upload. */
package org.chapkit.client.artifact;
