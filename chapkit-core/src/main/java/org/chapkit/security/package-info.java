/** Security of a chapkit service: roles, API keys, JWT, rate limits and the audit trail (docs/security.md). */
package org.chapkit.security;
