/** Auto-configuration of the web console ({@code chapkit-console}). */
package org.chapkit.autoconfigure.console;
