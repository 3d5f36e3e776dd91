/** Where chapkit's tables live: the schema that qualifies every statement chapkit runs. */
package org.chapkit.db;
