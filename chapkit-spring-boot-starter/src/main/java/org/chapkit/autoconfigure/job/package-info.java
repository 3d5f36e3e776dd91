/** Auto-configuration of durable jobs ({@code /api/v1/jobs}) on db-scheduler. */
package org.chapkit.autoconfigure.job;
