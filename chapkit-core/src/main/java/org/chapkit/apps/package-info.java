/** Static web apps (a directory with a {@code manifest.json}) served next to the API, after every API route. */
package org.chapkit.apps;
