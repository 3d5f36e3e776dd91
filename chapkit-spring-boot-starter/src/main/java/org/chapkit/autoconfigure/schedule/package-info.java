/** Auto-configuration of schedules: persistence, validation limits, code-declared schedules and REST API. */
package org.chapkit.autoconfigure.schedule;
