/** The one-command benchmark harness: runs every suite, prints metric | ours | baseline | ratio | target. */
package org.chapkit.benchmarks.harness;
