/** Typed Java client for chapkit services: start with {@link org.chapkit.client.ChapkitClient}. */
package org.chapkit.client;
