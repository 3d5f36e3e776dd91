/** Auto-configuration of static app hosting and the default landing page. */
package org.chapkit.autoconfigure.apps;
