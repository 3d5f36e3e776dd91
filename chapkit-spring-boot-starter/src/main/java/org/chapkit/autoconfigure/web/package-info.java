/** Auto-configuration of chapkit's web plumbing: problem details, request ids, body limits, SSE, error page. */
package org.chapkit.autoconfigure.web;
