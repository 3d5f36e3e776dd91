/** {@code GET /api/v1/cluster}; for the starter only. */
package org.chapkit.cluster.internal;
