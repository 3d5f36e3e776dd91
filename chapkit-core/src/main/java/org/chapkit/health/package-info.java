/** {@code GET /health} and its SSE stream in chapkit's always-200 body format. */
package org.chapkit.health;
