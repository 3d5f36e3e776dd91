/** Synthetic climate-health sample data, as served by {@code $generate-sample-data}. */
package org.chapkit.ml.sample;
