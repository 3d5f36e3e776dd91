/** Spring Boot auto-configuration for chapkit services; one auto-configuration per concern. */
package org.chapkit.autoconfigure;
