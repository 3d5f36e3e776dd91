/**
 * Domain events and their transactional outbox: {@link org.chapkit.event.EventPublisher} appends an event to the
 * durable log in the transaction of the state change, {@link org.chapkit.event.EventDispatcher} delivers the log to
 * every {@link org.chapkit.event.EventDestination} after commit, in log order, at least once.
 */
package org.chapkit.event;
