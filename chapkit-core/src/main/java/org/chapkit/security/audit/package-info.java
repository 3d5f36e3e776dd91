/** The audit trail: every state-changing and every denied request, in a table, a log event and {@code /api/v1/audit}. */
package org.chapkit.security.audit;
