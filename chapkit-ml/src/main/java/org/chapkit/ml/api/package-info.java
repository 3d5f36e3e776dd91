/** Request and response records of chapkit's {@code /api/v1/ml} endpoints. */
package org.chapkit.ml.api;
