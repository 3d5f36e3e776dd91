/**
 * MLflow experiment tracking: each training becomes an MLflow run (and optionally a registered model version), sent
 * through MLflow's REST API by an event destination on chapkit's outbox.
 */
package org.chapkit.mlflow;
