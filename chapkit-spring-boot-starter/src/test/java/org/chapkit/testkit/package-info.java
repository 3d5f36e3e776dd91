/** Tests of the {@code chapkit-test} kit against the test service. */
package org.chapkit.testkit;
