/** Timed train and predict runs turned into chapkit's ML artifact payloads. */
package org.chapkit.ml.result;
