/** Tests of chapkit's security over a real port: the role matrix, keys, JWT, rate limits, audit and headers. */
package org.chapkit.security;
