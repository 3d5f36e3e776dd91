/** API keys: configured keys (properties, key file, environment) and managed keys ({@code /api/v1/keys}), stored hashed. */
package org.chapkit.security.key;
