/** Task runs on the job system: the job-backed execution gateway, retries, concurrency slots, timeouts, caching. */
package org.chapkit.taskrun;
