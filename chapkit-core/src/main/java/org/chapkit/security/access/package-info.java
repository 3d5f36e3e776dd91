/** Who may call what: the three roles, the caller of a request and the endpoint → role table. */
package org.chapkit.security.access;
