/** Metric 8: sample-app start-up time against a plain Spring Boot app with the same starters. */
package org.chapkit.benchmarks.startup;
