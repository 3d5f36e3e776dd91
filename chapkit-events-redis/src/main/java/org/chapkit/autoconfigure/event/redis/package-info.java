/** Auto-configuration of the Redis Streams event destination. */
package org.chapkit.autoconfigure.event.redis;
