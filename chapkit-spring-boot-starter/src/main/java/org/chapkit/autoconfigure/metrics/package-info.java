/** Auto-configuration of chapkit's {@code /metrics} Prometheus endpoint. */
package org.chapkit.autoconfigure.metrics;
