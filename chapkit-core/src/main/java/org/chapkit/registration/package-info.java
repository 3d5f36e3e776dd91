/** Registration of the service with chap-core's {@code /v2/services} registry: register, keepalive, deregister. */
package org.chapkit.registration;
