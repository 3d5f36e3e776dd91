/** Tests of chapkit in a schema of its own beside an application's tables. */
package org.chapkit.db;
