/** Metric 3: {@code GET /api/v1/configs/{id}} requests per second against a plain Spring MVC endpoint. */
package org.chapkit.benchmarks.http;
