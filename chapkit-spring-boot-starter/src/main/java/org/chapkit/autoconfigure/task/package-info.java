/** Auto-configuration of tasks: discovery of {@code @Task} methods, the registry, binding, state and REST API. */
package org.chapkit.autoconfigure.task;
