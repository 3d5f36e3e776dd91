/** {@code GET /api/v1/info}: who this service is, in chap-core's strict {@code MLServiceInfo} shape. */
package org.chapkit.info;
