/** Auto-configuration that runs tasks and fires schedules on the job system. */
package org.chapkit.autoconfigure.taskrun;
