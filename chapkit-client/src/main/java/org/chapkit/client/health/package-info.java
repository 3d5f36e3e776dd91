/** Health checks and the health event stream ({@code /health}). */
package org.chapkit.client.health;
