/** chapkit's row-major DataFrame wire format, its Tablesaw bridge and its CSV conventions. */
package org.chapkit.ml.data;
