/** Auto-configuration of chapkit's security (Spring Security): headers always; keys, roles, JWT, limits, audit when on. */
package org.chapkit.autoconfigure.security;
