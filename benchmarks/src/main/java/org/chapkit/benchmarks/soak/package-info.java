/** The 100-client soak: mixed load on PostgreSQL for minutes, errors, exact counts and heap after GC. */
package org.chapkit.benchmarks.soak;
