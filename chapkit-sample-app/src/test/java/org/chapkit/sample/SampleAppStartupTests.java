package org.chapkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.test.ServiceTestOnPostgres;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The sample app starts on H2 and on PostgreSQL with its own configuration and serves its identity. */
class SampleAppStartupTests {

    @Nested
    @ServiceTestOnH2
    class OnH2 extends Contract {}

    @Nested
    @ServiceTestOnPostgres
    class OnPostgres extends Contract {}

    abstract static class Contract {

        @LocalServerPort
        int port;

        @Test
        void servesTheSampleServiceInfoAndIsHealthy() {
            HttpApi api = new HttpApi(port);
            var info = api.get("/api/v1/info").json();
            assertThat(info.get("id").asString()).isEqualTo("chapkit-sample");
            assertThat(info.get("required_covariates").toString()).contains("rainfall", "mean_temperature");
            var health = api.get("/health").json();
            assertThat(health.get("status").asString()).isEqualTo("healthy");
            assertThat(api.get("/").body()).contains("api/v1/info");
        }
    }
}
