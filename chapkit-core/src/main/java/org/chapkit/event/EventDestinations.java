package org.chapkit.event;

import java.util.Collection;

/**
 * A set of destinations that changes while the service runs (webhook endpoints managed over the API); the dispatcher
 * asks for the current set at every tick.
 */
@FunctionalInterface
public interface EventDestinations {

    /**
     * The destinations now.
     *
     * @return the destinations
     */
    Collection<? extends EventDestination> current();
}
