/** Tomcat connector defaults sized for many long-lived connections (SSE subscribers). */
package org.chapkit.autoconfigure.tomcat;
