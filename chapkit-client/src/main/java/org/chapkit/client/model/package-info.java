/** Access to the model registry ({@code /api/v1/models}) and the synchronous inference endpoints. */
package org.chapkit.client.model;
