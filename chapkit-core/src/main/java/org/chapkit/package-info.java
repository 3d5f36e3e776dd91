/** Chapkit for Java: feature code of a chapkit-compatible ML and data service. */
package org.chapkit;
