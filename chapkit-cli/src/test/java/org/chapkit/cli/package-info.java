/** Tests of the chapkit command-line tool. */
package org.chapkit.cli;
