/** The HTTP side of events ({@code /api/v1/events}), public only so that the starter can build it. */
package org.chapkit.event.internal;
