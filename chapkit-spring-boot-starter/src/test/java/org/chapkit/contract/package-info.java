/** Tests of the two wire contract generations over HTTP. */
package org.chapkit.contract;
