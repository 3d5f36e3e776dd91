package org.chapkit.autoconfigure.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.chapkit.event.DestinationState;
import org.chapkit.event.EventDispatcher;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code events} health contributor. Always UP: a broker or webhook receiver that is down is its own problem and
 * must not take this service out of a load balancer (the events wait in the log). The details list each
 * destination's lag and the {@code stuck} ones: failing for longer than {@code chapkit.events.stuck-after}.
 */
final class EventsHealthIndicator implements HealthIndicator {

    private final EventDispatcher dispatcher;
    private final Duration stuckAfter;
    private final Clock clock;

    EventsHealthIndicator(EventDispatcher dispatcher, Duration stuckAfter, Clock clock) {
        this.dispatcher = dispatcher;
        this.stuckAfter = stuckAfter;
        this.clock = clock;
    }

    @Override
    public Health health() {
        List<DestinationState> states = dispatcher.destinations();
        Instant cutoff = clock.instant().minus(stuckAfter);
        List<String> stuck = states.stream()
                .filter(state ->
                        state.failingSince() != null && state.failingSince().isBefore(cutoff))
                .map(DestinationState::name)
                .toList();
        Health.Builder health = Health.up().withDetail("stuck", stuck);
        for (DestinationState state : states) {
            health.withDetail(
                    state.name(),
                    state.lastError() == null
                            ? "lag " + state.lag()
                            : "lag " + state.lag() + ", " + state.attempts() + " failed attempt(s): "
                                    + state.lastError());
        }
        return health.build();
    }
}
