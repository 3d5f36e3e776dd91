/** Auto-configuration of the DataFrame file formats (csv, json, jsonl, parquet) for artifact downloads. */
package org.chapkit.autoconfigure.format;
