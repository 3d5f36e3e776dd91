/** The chapkit DataFrame wire format ({@code {columns, data, schema}}). */
package org.chapkit.client.data;
