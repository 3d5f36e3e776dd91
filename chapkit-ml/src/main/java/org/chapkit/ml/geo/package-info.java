/** GeoJSON FeatureCollection pass-through for train and predict requests. */
package org.chapkit.ml.geo;
