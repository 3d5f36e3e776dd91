/** What the broker adapters' tests share (not published): the flow, a TCP proxy, broker checks. */
package org.chapkit.events.test;
