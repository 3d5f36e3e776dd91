package org.chapkit.events.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.chapkit.events.test.app.EventsTestApplication;
import org.chapkit.test.TestDatabases;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The {@code kill -9} case of an adapter: a service on PostgreSQL whose broker is unreachable runs the train → predict
 * flow (every event committed, none delivered) and is killed with {@link Process#destroyForcibly()} — no shutdown, its
 * lease left to expire; a new instance on the same database, with the broker reachable, delivers everything once, in
 * order per job.
 */
public final class KilledService {

    private KilledService() {}

    /**
     * Runs the case.
     *
     * @param brokerDown the adapter's properties pointing at a port nothing listens on
     * @param brokerUp the adapter's properties pointing at the broker
     * @param received what the test's consumer has received so far, in arrival order
     * @throws Exception when reading what was received fails
     */
    public static void eventsCommittedBeforeAKillArriveAfterTheRestart(
            Map<String, Object> brokerDown, Map<String, Object> brokerUp, Callable<List<JsonNode>> received)
            throws Exception {
        TestDatabases.Postgres database = TestDatabases.freshPostgres();
        EventFlow.Run run;
        try (ChildService killed = ChildService.start(on(database, brokerDown))) {
            run = new EventFlow(killed.port()).trainAndPredict();
            killed.kill();
        }
        assertThat(EventFlow.jobsCompleted(run, received.call()))
                .as("nothing reached the broker before the kill")
                .isFalse();

        try (ConfigurableApplicationContext restarted =
                EventsTestApplication.start(database.url(), on(database, brokerUp))) {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> EventFlow.jobsCompleted(run, received.call()));
        }
        EventFlow.assertJobsArrivedInOrder(run, received.call(), false);
    }

    private static Map<String, Object> on(TestDatabases.Postgres database, Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("spring.datasource.url", database.url());
        all.put("spring.datasource.username", database.username());
        all.put("spring.datasource.password", database.password());
        return all;
    }
}
