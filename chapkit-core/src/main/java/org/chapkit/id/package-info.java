/** ULID identifiers: every entity and job id of a chapkit service. */
package org.chapkit.id;
