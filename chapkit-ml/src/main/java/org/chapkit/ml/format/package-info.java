/** DataFrame file formats (CSV, JSON, JSON Lines, Parquet) for artifact download, export and import. */
package org.chapkit.ml.format;
