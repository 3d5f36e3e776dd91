/** Backtests: rolling-origin evaluation of the service's model, with forecast metrics from the predicted samples. */
package org.chapkit.ml.evaluation;
