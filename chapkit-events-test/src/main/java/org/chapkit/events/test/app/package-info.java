/** The service the broker adapters' tests run: chapkit with a trivial model. */
package org.chapkit.events.test.app;
