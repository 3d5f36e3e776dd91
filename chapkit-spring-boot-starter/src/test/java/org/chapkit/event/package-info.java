/** Tests of domain events, the outbox and its delivery, over a real port on H2 and PostgreSQL. */
package org.chapkit.event;
