/** Auto-configuration of the service's registration with chap-core ({@code chapkit.registration.*}). */
package org.chapkit.autoconfigure.registration;
