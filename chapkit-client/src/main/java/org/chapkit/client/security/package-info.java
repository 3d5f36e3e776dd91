/** Typed access to a secured service's key management ({@code /api/v1/keys}) and audit trail ({@code /api/v1/audit}). */
package org.chapkit.client.security;
