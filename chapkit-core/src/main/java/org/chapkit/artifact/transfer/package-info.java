/**
 * Moving artifact data in and out: the tabular SPI ({@link org.chapkit.artifact.transfer.TabularFormat} reads and
 * writes a data frame in one wire format, {@link org.chapkit.artifact.transfer.TabularSource} is a stored frame read
 * row by row), pages of rows, and download compression. Depends on nothing else of {@code org.chapkit.artifact}.
 */
package org.chapkit.artifact.transfer;
