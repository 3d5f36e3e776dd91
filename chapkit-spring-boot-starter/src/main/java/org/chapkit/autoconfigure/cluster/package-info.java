/** Auto-configuration of cluster membership and leader election ({@code chapkit.cluster.*}). */
package org.chapkit.autoconfigure.cluster;
