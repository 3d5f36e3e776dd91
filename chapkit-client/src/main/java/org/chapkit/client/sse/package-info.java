/** Server-sent events parsing for chapkit's {@code data: {json}} frames. */
package org.chapkit.client.sse;
