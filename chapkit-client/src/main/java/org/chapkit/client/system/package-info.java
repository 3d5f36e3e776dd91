/** System info and hosted apps ({@code /api/v1/system}). */
package org.chapkit.client.system;
