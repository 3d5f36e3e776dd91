/** Service info ({@code GET /api/v1/info}). */
package org.chapkit.client.info;
