/** Metric 7: concurrent SSE subscribers one sample-app JVM with a 512 MB heap holds, and memory per subscriber. */
package org.chapkit.benchmarks.sse;
