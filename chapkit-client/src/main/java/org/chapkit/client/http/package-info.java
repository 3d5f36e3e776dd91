/** HTTP transport, JSON mapping and error-body decoding shared by the feature clients. */
package org.chapkit.client.http;
