/** The chapkit web console, shipped as static files on the class path. */
package org.chapkit.console;
