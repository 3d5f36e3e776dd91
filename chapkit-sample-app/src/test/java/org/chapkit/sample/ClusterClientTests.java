package org.chapkit.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.chapkit.client.ChapkitClient;
import org.chapkit.client.ChapkitProblemException;
import org.chapkit.client.cluster.ClusterView;
import org.chapkit.client.sse.SseStream;
import org.chapkit.test.ServiceTestOnH2;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The typed client's {@code cluster()} against the sample service over a real port: in cluster mode the view (this
 * instance alive and leading) and its stream (a joining member arrives as a new view); without it, a 404 problem.
 */
class ClusterClientTests {

    @Nested
    @ServiceTestInClusterModeOnH2
    class InClusterMode {

        @LocalServerPort
        int port;

        @Autowired
        JdbcClient jdbc;

        @Test
        void theViewAndItsStreamShowTheLeaderAndAJoiningMember() {
            try (ChapkitClient client = ChapkitClient.create("http://127.0.0.1:" + port)) {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> client.cluster().view().leader() != null);
                ClusterView view = client.cluster().view();
                assertThat(view.member(view.instanceId())).hasValueSatisfying(self -> {
                    assertThat(self.alive()).isTrue();
                    assertThat(self.roles()).containsExactly("api", "worker", "scheduler");
                });
                assertThat(view.leader().leaderId()).isEqualTo(view.instanceId());
                assertThat(view.epoch()).isEqualTo(view.leader().epoch()).isPositive();
                assertThat(view.leadershipHistory()).first().isEqualTo(view.leader());

                // the stream blocks for its frames: a missing one fails the test instead of hanging it
                assertTimeoutPreemptively(Duration.ofSeconds(60), () -> expectJoinOnTheStream(client, view));
            }
        }

        private void expectJoinOnTheStream(ChapkitClient client, ClusterView view) {
            try (SseStream<ClusterView> stream = client.cluster().stream(Duration.ofMillis(100))) {
                assertThat(stream.next().member(view.instanceId())).isPresent();
                jdbc.sql("INSERT INTO cluster_members (instance_id, host, port, version, roles, state, started_at,"
                                + " last_heartbeat) VALUES ('client-joined', 'elsewhere', 8000, 'x', 'worker', 'ALIVE',"
                                + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                        .update();
                ClusterView next = stream.next();
                while (next.member("client-joined").isEmpty()) {
                    next = stream.next(); // another change came first (a leadership term, a member's state)
                }
                assertThat(next.member("client-joined").orElseThrow().roles()).containsExactly("worker");
            } finally {
                jdbc.sql("DELETE FROM cluster_members WHERE instance_id = 'client-joined'")
                        .update();
            }
        }
    }

    @Nested
    @ServiceTestOnH2
    class WithoutClusterMode {

        @LocalServerPort
        int port;

        @Test
        void theClusterIsANotFoundProblem() {
            try (ChapkitClient client = ChapkitClient.create("http://127.0.0.1:" + port)) {
                assertThatThrownBy(() -> client.cluster().view())
                        .isInstanceOfSatisfying(
                                ChapkitProblemException.class,
                                problem -> assertThat(problem.status()).isEqualTo(404));
            }
        }
    }
}
