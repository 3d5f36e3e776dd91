/** Auto-configuration of chapkit's {@code /health} endpoints on top of Actuator's health contributors. */
package org.chapkit.autoconfigure.health;
