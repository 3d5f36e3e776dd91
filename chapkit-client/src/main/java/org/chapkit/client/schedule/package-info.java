/** Task schedules ({@code /api/v1/schedules}): cron, interval and one-off runs. */
package org.chapkit.client.schedule;
