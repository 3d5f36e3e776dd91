/** Synchronous inference: a loaded-model cache and the predictor behind the KServe V2 and MLflow endpoints. */
package org.chapkit.ml.inference;
