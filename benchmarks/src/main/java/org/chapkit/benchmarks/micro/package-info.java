/** Metric 5 and friends: JMH microbenchmarks (DataFrame decode and rendering, ULID) with their Jackson/JDK baselines. */
package org.chapkit.benchmarks.micro;
