/** HTTP tests of {@code /api/v1/ml} with the test service's shell model. */
package org.chapkit.ml;
