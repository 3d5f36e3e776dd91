/** Auto-configuration of {@code /api/v1/system}. */
package org.chapkit.autoconfigure.system;
