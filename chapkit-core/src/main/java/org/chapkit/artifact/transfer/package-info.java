/**
 * Moving artifact data in and out, the API side: the tabular SPI ({@link org.chapkit.artifact.transfer.TabularFormat}
 * reads and writes a data frame in one wire format, {@link org.chapkit.artifact.transfer.TabularSource} is a stored
 * frame read row by row) and pages of rows. Depends on nothing else of {@code org.chapkit.artifact}, so a format only
 * sees the SPI. The endpoints and the streamed reads behind them ({@code $download}, {@code $export}, {@code $import},
 * {@code $content}, {@code $rows}) are in {@code org.chapkit.artifact.transfer.internal}, on top of the CRUD API of
 * {@code org.chapkit.artifact}, which in turn knows nothing of transfer.
 */
package org.chapkit.artifact.transfer;
