/** Command-line end-to-end check of a running service, in the spirit of {@code chapkit test}. */
package org.chapkit.client.cli;
