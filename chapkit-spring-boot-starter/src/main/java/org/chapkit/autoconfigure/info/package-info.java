/** Auto-configuration of {@code GET /api/v1/info} from {@code chapkit.service.*} properties. */
package org.chapkit.autoconfigure.info;
