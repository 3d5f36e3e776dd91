/** {@code GET /api/v1/system} and {@code /api/v1/system/apps}: runtime facts and hosted static apps. */
package org.chapkit.system;
