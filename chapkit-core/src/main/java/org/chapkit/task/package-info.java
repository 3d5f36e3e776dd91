/** Named tasks: {@code @Task} methods, their registry, parameter binding and injection, state and REST API. */
package org.chapkit.task;
