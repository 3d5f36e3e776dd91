/** Chapkit's own JSON mapper for what it stores, independent of the application's {@code spring.jackson.*}. */
package org.chapkit.autoconfigure.json;
