/** Test support shared by the starter's and the sample app's tests: database matrix and a raw HTTP helper. */
package org.chapkit.test;
