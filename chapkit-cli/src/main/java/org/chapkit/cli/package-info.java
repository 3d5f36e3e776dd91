/** The {@code chapkit} command-line tool: {@code init}, {@code test} and {@code artifact} on picocli. */
package org.chapkit.cli;
