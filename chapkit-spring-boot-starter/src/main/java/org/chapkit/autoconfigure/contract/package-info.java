/** Auto-configuration of the wire contract generation ({@code chapkit.contract.*}). */
package org.chapkit.autoconfigure.contract;
