/** The KServe Open Inference Protocol V2 and MLflow {@code /invocations} controllers; public only for the starter. */
package org.chapkit.ml.inference.internal;
