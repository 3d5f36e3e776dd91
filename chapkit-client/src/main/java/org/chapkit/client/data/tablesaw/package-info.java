/**
 * Optional adapter between {@link org.chapkit.client.data.DataFrame} and Tablesaw tables; needs
 * {@code tech.tablesaw:tablesaw-core} on the class path (an optional dependency of the client).
 */
package org.chapkit.client.data.tablesaw;
