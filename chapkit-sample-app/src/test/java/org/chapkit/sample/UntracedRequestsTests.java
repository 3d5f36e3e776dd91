package org.chapkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The sample app as shipped has no tracer: a request through it starts no Spring Security observation and no
 * {@code http.server.requests} observation (their meters are dropped by the lean metrics, so they would be work for
 * nothing; {@code ChapkitUntracedObservationsAutoConfiguration}), while other observations are still made.
 */
@ServiceTestOnH2
@Import(UntracedRequestsTests.Recording.class)
class UntracedRequestsTests {

    @LocalServerPort
    int port;

    @Autowired
    Recording recording;

    @Autowired
    ObservationRegistry observations;

    @Test
    void aRequestMakesNoSecurityOrServerRequestObservations() {
        HttpApi api = new HttpApi(port);
        recording.names.clear();
        assertThat(api.postJson("/api/v1/configs", "{\"name\":\"untraced\",\"data\":{}}")
                        .status())
                .isEqualTo(201);
        assertThat(api.get("/api/v1/configs").status()).isEqualTo(200);
        Observation.createNotStarted("untraced.probe", observations).observe(() -> {});

        assertThat(recording.names)
                .as("other observations are made and recorded")
                .contains("untraced.probe");
        assertThat(recording.names).noneMatch(name -> name.startsWith("spring.security."));
        assertThat(recording.names).doesNotContain("http.server.requests");
    }

    /** Records the name of every observation started in the application. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Recording {

        final List<String> names = new CopyOnWriteArrayList<>();

        @Bean
        ObservationHandler<Observation.Context> recordingObservationHandler() {
            return new ObservationHandler<>() {
                @Override
                public void onStart(Observation.Context context) {
                    names.add(context.getName());
                }

                @Override
                public boolean supportsContext(Observation.Context context) {
                    return true;
                }
            };
        }
    }
}
