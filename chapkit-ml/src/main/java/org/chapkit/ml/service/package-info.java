/** The ML workflow of a chapkit service: train and predict jobs, the artifact tree, {@code /api/v1/ml}. */
package org.chapkit.ml.service;
