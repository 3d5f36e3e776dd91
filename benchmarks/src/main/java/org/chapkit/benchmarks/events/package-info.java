/** The events suite: the outbox's cost to trivial jobs, and events per second through it to RabbitMQ. */
package org.chapkit.benchmarks.events;
