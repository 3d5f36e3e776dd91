/** Registered tasks ({@code /api/v1/tasks}): listing, execution, enable and disable. */
package org.chapkit.client.task;
