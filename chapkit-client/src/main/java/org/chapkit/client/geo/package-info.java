/** GeoJSON feature collections as sent with train and predict requests. */
package org.chapkit.client.geo;
