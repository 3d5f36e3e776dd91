/** End-to-end tests: the sample app on a real port, driven through the typed client {@code chapkit-client}. */
package org.chapkit.sample.e2e;
