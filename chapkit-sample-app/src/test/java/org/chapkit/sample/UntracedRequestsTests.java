package org.chapkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sample app as shipped has no tracer: a request through it starts no Spring Security observation and no
 * {@code http.server.requests} observation (their meters are dropped by the lean metrics, so they would be work for
 * nothing; {@code ChapkitUntracedObservationsAutoConfiguration}), while other observations are still made.
 */
@ServiceTestOnH2
class UntracedRequestsTests {

    @LocalServerPort
    int port;

    @Autowired
    ObservationRegistry observations;

    @Test
    void aRequestMakesNoSecurityOrServerRequestObservations() {
        // added to the running application (its context is shared with other tests): records only while this runs
        List<String> names = new CopyOnWriteArrayList<>();
        AtomicBoolean recording = new AtomicBoolean(true);
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStart(Observation.Context context) {
                if (recording.get()) {
                    names.add(context.getName());
                }
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
        try {
            HttpApi api = new HttpApi(port);
            assertThat(api.postJson("/api/v1/configs", "{\"name\":\"untraced\",\"data\":{}}")
                            .status())
                    .isEqualTo(201);
            assertThat(api.get("/api/v1/configs").status()).isEqualTo(200);
            Observation.createNotStarted("untraced.probe", observations).observe(() -> {});
        } finally {
            recording.set(false);
        }

        assertThat(names).as("other observations are made and recorded").contains("untraced.probe");
        assertThat(names).noneMatch(name -> name.startsWith("spring.security."));
        assertThat(names).doesNotContain("http.server.requests");
    }
}
