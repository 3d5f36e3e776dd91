/** The service the MLflow export's tests run. */
package org.chapkit.mlflow.app;
