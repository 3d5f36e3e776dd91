package org.chapkit.autoconfigure.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.chapkit.artifact.ArtifactManager;
import org.chapkit.registration.ChapCoreRegistration;
import org.chapkit.registration.RegistrationState;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Per-feature meters of the features that keep their own counts: artifact content bytes written and read
 * ({@code chapkit_artifacts_content_written_bytes_total}, {@code …_read_bytes_total}) and the chap-core registration
 * state ({@code chapkit_registration_state}, 1 for the current state, 0 for the others). Job queues and runners have
 * theirs in core ({@code chapkit_jobs_queue_*}, {@code chapkit_runner_seconds}); the database pool is Boot's
 * ({@code hikaricp_*}).
 */
final class FeatureMeters implements MeterBinder {

    private final ObjectProvider<ArtifactManager> artifacts;
    private final ObjectProvider<ChapCoreRegistration> registration;

    FeatureMeters(ObjectProvider<ArtifactManager> artifacts, ObjectProvider<ChapCoreRegistration> registration) {
        this.artifacts = artifacts;
        this.registration = registration;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        artifacts.ifAvailable(manager -> {
            FunctionCounter.builder("chapkit.artifacts.content.written", manager, ArtifactManager::contentBytesWritten)
                    .description("Bytes of artifact content stored by this instance")
                    .baseUnit("bytes")
                    .register(registry);
            FunctionCounter.builder("chapkit.artifacts.content.read", manager, ArtifactManager::contentBytesRead)
                    .description("Bytes of artifact content read by this instance (downloads, exports, model loads)")
                    .baseUnit("bytes")
                    .register(registry);
        });
        registration.ifAvailable(chapCore -> {
            for (RegistrationState state : RegistrationState.values()) {
                Gauge.builder(
                                "chapkit.registration.state",
                                chapCore,
                                r -> r.status().state() == state ? 1 : 0)
                        .description("Whether the chap-core registration is in this state")
                        .tag("state", state.label())
                        .register(registry);
            }
        });
    }
}
