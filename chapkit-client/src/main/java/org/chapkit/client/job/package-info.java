/** Jobs ({@code /api/v1/jobs}): listing, streaming and waiting for completion. */
package org.chapkit.client.job;
