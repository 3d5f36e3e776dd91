/** Load drivers that measure chapkit against the engines underneath; run with {@code -Pbenchmarks}, not in CI. */
package org.chapkit.benchmarks;
