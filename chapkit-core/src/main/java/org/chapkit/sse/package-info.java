/** Server-sent event streams in chapkit's frame format: {@code data: <compact JSON>\n\n}, each frame flushed whole. */
package org.chapkit.sse;
