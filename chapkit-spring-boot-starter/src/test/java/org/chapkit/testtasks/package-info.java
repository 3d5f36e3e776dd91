/** Tasks, an injectable bean and an in-process execution gateway that exist only in the starter's tests. */
package org.chapkit.testtasks;
