/** Machine-learning operations ({@code /api/v1/ml}): train, predict, validate and sample data. */
package org.chapkit.client.ml;
