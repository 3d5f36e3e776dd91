/**
 * Implementation of {@code org.chapkit.artifact.transfer}: the transfer endpoints ({@code ArtifactTransferController}:
 * {@code $download}, {@code $export}, {@code $import}, {@code PUT $content}, {@code $rows}), the streamed reads of
 * stored DataFrames ({@code ArtifactFrames}, {@code StoredData}) and download compression. Built on the CRUD API of
 * {@code org.chapkit.artifact}; public only so that chapkit's auto-configuration can build it. Not API: these types may
 * change in any release.
 */
package org.chapkit.artifact.transfer.internal;
