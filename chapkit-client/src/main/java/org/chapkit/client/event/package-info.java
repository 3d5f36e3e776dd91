/** Access to the event history and delivery state ({@code /api/v1/events}). */
package org.chapkit.client.event;
