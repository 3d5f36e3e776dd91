/** The inbound commands' de-duplication table. */
package org.chapkit.ml.command.internal;
