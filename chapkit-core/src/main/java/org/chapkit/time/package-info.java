/** Timestamps of a chapkit service: one precision (microseconds, UTC) for the clock, the columns and the wire. */
package org.chapkit.time;
