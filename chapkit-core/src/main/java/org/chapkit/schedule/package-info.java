/** Schedules that run tasks by cron, fixed interval or once, with missed-run policies; REST and persistence. */
package org.chapkit.schedule;
