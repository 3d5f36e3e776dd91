/** Hostile input against the whole service: status, problem shape, no partial writes, a healthy instance. */
package org.chapkit.hostile;
