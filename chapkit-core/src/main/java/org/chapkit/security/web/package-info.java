/** Spring Security wiring: API-key and JWT authentication, problem+json 401/403/429, rate limits and audit filters. */
package org.chapkit.security.web;
