/** Durable jobs: named handlers run on db-scheduler with bounded concurrency, persisted records and REST access. */
package org.chapkit.job;
