/** Auto-configuration of the ML workflow ({@code /api/v1/ml}) around the application's model runner. */
package org.chapkit.autoconfigure.ml;
