/** Tasks, an injectable bean and helpers for task runs that exist only in the starter's tests. */
package org.chapkit.testtasks;
