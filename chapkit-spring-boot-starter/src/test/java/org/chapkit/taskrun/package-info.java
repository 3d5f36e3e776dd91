/** Tests of task runs on the job system. */
package org.chapkit.taskrun;
