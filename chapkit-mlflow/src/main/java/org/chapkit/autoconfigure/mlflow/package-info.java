/** Auto-configuration of the MLflow export. */
package org.chapkit.autoconfigure.mlflow;
