/** {@code GET /metrics}: Micrometer's registry in Prometheus text format. */
package org.chapkit.metrics;
