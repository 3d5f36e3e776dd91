/** Wire conventions shared by chapkit's CRUD collections: pagination, stats, tags and optimistic-locking versions. */
package org.chapkit.crud;
