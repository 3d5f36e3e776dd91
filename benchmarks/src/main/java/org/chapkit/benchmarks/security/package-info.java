/** Security overhead: config GET with an API key (security on) against the same app with security off. */
package org.chapkit.benchmarks.security;
