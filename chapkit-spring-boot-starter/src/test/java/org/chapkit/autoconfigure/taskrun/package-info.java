/** Tests of the auto-configuration that runs tasks on the job system. */
package org.chapkit.autoconfigure.taskrun;
