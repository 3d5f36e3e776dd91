/** Auto-configuration of typed configs and {@code /api/v1/configs}. */
package org.chapkit.autoconfigure.config;
