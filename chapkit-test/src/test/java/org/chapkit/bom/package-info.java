/** Checks of the chapkit-bom module against the build. */
package org.chapkit.bom;
