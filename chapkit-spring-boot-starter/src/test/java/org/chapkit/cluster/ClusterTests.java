package org.chapkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.chapkit.TestServiceApplication;
import org.chapkit.autoconfigure.taskrun.ChapkitTaskRunAutoConfiguration;
import org.chapkit.job.JobAttempt;
import org.chapkit.job.JobManager;
import org.chapkit.job.JobStatus;
import org.chapkit.job.TestJobHandlers;
import org.chapkit.test.HttpApi;
import org.chapkit.test.TestDatabases;
import org.chapkit.time.UtcTimestamps;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three instances as separate application contexts (each with its own pool) on one embedded PostgreSQL database, with
 * short intervals: {@code node-a} and {@code node-b} have every role, {@code node-c} only {@code api}. All are listed
 * with one leader (never {@code node-c}); a member that stops heartbeating (as a killed process) is declared dead by the
 * others; when the leader stops, another takes over with a higher epoch; a write fenced with the old epoch is rejected
 * and writes nothing; jobs submitted on the api-only instance run on the workers, never on it; a member declared dead
 * while it runs a job fences itself, the leader re-queues the job, and the member rejoins.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterTests {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, ConfigurableApplicationContext> nodes = new LinkedHashMap<>();
    private TestDatabases.Postgres database;

    @BeforeAll
    void startThreeInstances() {
        database = TestDatabases.freshPostgres();
        nodes.put("node-a", start("node-a", "api,worker,scheduler"));
        nodes.put("node-b", start("node-b", "api,worker,scheduler"));
        nodes.put("node-c", start("node-c", "api"));
    }

    @AfterAll
    void stopAll() {
        nodes.values().forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void membersAreListedADeadMemberIsDeclaredByTheOthersAndAStaleLeaderCannotWrite() {
        HttpApi api = api("node-a");
        await().atMost(WITHIN).untilAsserted(() -> {
            JsonNode cluster = api.get("/api/v1/cluster").json();
            assertThat(states(cluster))
                    .containsEntry("node-a", "ALIVE")
                    .containsEntry("node-b", "ALIVE")
                    .containsEntry("node-c", "ALIVE");
            assertThat(cluster.get("leader").isNull()).isFalse();
            assertThat(cluster.get("epoch").asLong()).isPositive();
        });
        JsonNode before = api.get("/api/v1/cluster").json();
        assertThat(before.get("members").get(0).get("port").asInt()).isPositive();
        assertThat(roles(before))
                .containsEntry("node-a", List.of("api", "worker", "scheduler"))
                .containsEntry("node-c", List.of("api"));
        assertThat(before.get("leader").get("leader_id").asString()).isNotEqualTo("node-c");

        // a process killed without leaving: its row stays ALIVE with an old heartbeat
        Instant longAgo = Instant.now().minus(1, ChronoUnit.HOURS);
        jdbc("node-a")
                .sql("INSERT INTO cluster_members (instance_id, host, port, version, roles, state, started_at, "
                        + "last_heartbeat) VALUES ('node-killed', 'gone', 1, 'x', 'worker', 'ALIVE', ?, ?)")
                .params(UtcTimestamps.column(longAgo), UtcTimestamps.column(longAgo))
                .update();
        await().atMost(WITHIN)
                .untilAsserted(() ->
                        assertThat(states(api.get("/api/v1/cluster").json())).containsEntry("node-killed", "DEAD"));

        String firstLeader = before.get("leader").get("leader_id").asString();
        long firstEpoch = before.get("epoch").asLong();
        assertThat(nodes.get(firstLeader).getBean(ClusterLeadership.class).isLeader())
                .isTrue();

        nodes.remove(firstLeader).close();

        String survivor = nodes.keySet().iterator().next();
        HttpApi survivorApi = api(survivor);
        await().atMost(WITHIN).untilAsserted(() -> {
            JsonNode cluster = survivorApi.get("/api/v1/cluster").json();
            assertThat(cluster.get("epoch").asLong()).isGreaterThan(firstEpoch);
            assertThat(cluster.get("leader").get("leader_id").asString()).isNotEqualTo(firstLeader);
            assertThat(states(cluster)).containsEntry(firstLeader, "LEFT");
        });
        JsonNode after = survivorApi.get("/api/v1/cluster").json();
        List<Long> epochs = new ArrayList<>();
        after.get("leadership_history")
                .forEach(term -> epochs.add(term.get("epoch").asLong()));
        assertThat(epochs).startsWith(after.get("epoch").asLong()).contains(firstEpoch);
        assertThat(after.get("leadership_history")
                        .get(epochs.indexOf(firstEpoch))
                        .get("released_at")
                        .isNull())
                .as("the old leader's term ended when it stopped")
                .isFalse();

        // the old leader's epoch, as a paused leader would still carry it
        ClusterLeadership anyLeadership = nodes.get(survivor).getBean(ClusterLeadership.class);
        JdbcClient jdbc = jdbc(survivor);
        assertThatThrownBy(() -> anyLeadership.fenced(
                        firstEpoch,
                        () -> jdbc.sql("INSERT INTO cluster_members (instance_id, host, port, version, roles, state, "
                                        + "started_at, last_heartbeat) VALUES ('stale-write', 'h', 1, 'x', '', "
                                        + "'LEFT', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                                .update()))
                .isInstanceOf(StaleEpochException.class)
                .hasMessageContaining("epoch " + firstEpoch);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cluster_members WHERE instance_id = 'stale-write'")
                        .query(Long.class)
                        .single())
                .isZero();
        long current = after.get("epoch").asLong();
        assertThat(anyLeadership.fenced(current, () -> "written")).isEqualTo("written");
    }

    @Test
    void theClusterWideSingletonsRunOnTheLeaderOnly() {
        String firing = ChapkitTaskRunAutoConfiguration.SCHEDULE_FIRING_TASK;
        await().atMost(WITHIN)
                .untilAsserted(() -> assertThat(nodes.values())
                        .anySatisfy(node -> assertThat(
                                        node.getBean(LeaderOnlyWork.class).runsOf(firing))
                                .isPositive()));
        // Only members that have led (held a term) ever did the work; another test may stop a leader meanwhile.
        List<String> leaders = new ArrayList<>();
        api(nodes.keySet().iterator().next())
                .get("/api/v1/cluster")
                .json()
                .get("leadership_history")
                .forEach(term -> leaders.add(term.get("leader_id").asString()));
        nodes.forEach((name, node) -> {
            if (node.getBean(LeaderOnlyWork.class).runsOf(firing) > 0) {
                assertThat(leaders).as("%s fired schedules", name).contains(name);
            }
        });
        assertThat(nodes.get("node-c").getBean(LeaderOnlyWork.class).runsOf(firing))
                .as("the api-only instance never leads")
                .isZero();
        assertThat(jdbc("node-c")
                        .sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ?")
                        .param(firing)
                        .query(Long.class)
                        .single())
                .as("in a cluster the singletons are not db-scheduler tasks")
                .isZero();
    }

    @Test
    void theStreamSendsTheViewAtOnceAndAgainWhenAMemberJoins() throws Exception {
        HttpApi api = api("node-c");
        HttpResponse<Stream<String>> response = api.client()
                .send(
                        HttpRequest.newBuilder(api.uri("/api/v1/cluster/$stream?poll_interval=0.1"))
                                .build(),
                        HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofVirtual()
                .start(() -> response.body()
                        .filter(line -> line.startsWith("data:"))
                        .forEach(line -> frames.add(JSON.readTree(line.substring("data:".length())))));
        try {
            JsonNode first = frames.poll(WITHIN.toSeconds(), TimeUnit.SECONDS);
            assertThat(first).as("the view at once").isNotNull();
            assertThat(states(first)).containsKey("node-c");

            // heartbeats every 200 ms change no membership: the stream stays quiet until someone joins
            jdbc("node-c")
                    .sql("INSERT INTO cluster_members (instance_id, host, port, version, roles, state, started_at, "
                            + "last_heartbeat) VALUES ('node-joined', 'elsewhere', 8000, 'x', 'worker', 'ALIVE', "
                            + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                    .update();
            assertThat(states(first)).doesNotContainKey("node-joined");
            JsonNode next;
            do { // another test's member may change state meanwhile: that is a frame too
                next = frames.poll(WITHIN.toSeconds(), TimeUnit.SECONDS);
                assertThat(next).as("a frame for the join").isNotNull();
            } while (!states(next).containsKey("node-joined"));
            assertThat(states(next)).containsEntry("node-joined", "ALIVE");
            assertThat(next.get("epoch").asLong()).isPositive();
        } finally {
            response.body().close();
            reader.interrupt();
            jdbc("node-c")
                    .sql("DELETE FROM cluster_members WHERE instance_id = 'node-joined'")
                    .update();
        }
    }

    @Test
    void jobsSubmittedOnAnApiOnlyInstanceRunOnTheWorkers() {
        JobManager apiOnly = nodes.get("node-c").getBean(JobManager.class);
        assertThat(apiOnly.isRunning()).isTrue();
        assertThat(apiOnly.runsJobs()).isFalse();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(apiOnly.submit(TestJobHandlers.SLEEP, new TestJobHandlers.Sleep(2, 20, null))
                    .id());
        }
        await().atMost(WITHIN)
                .untilAsserted(() -> assertThat(ids)
                        .allSatisfy(id -> assertThat(apiOnly.get(id).status()).isEqualTo(JobStatus.COMPLETED)));
        assertThat(ids).allSatisfy(id -> assertThat(apiOnly.get(id).owner()).isIn("node-a", "node-b"));
        assertThat(jdbc("node-c")
                        .sql("SELECT COUNT(*) FROM scheduled_tasks WHERE picked_by = 'node-c'")
                        .query(Long.class)
                        .single())
                .as("the api-only instance picks no execution, periodic ones neither")
                .isZero();
    }

    @Test
    void aMemberDeclaredDeadWhileItRunsAJobFencesItselfAndRejoinsOnceTheLeaderTookTheJobOver() {
        String worker = aWorker();
        JobManager jobs = nodes.get(worker).getBean(JobManager.class);
        String id = jobs.submit(TestJobHandlers.SLEEP_IDEMPOTENT, new TestJobHandlers.Sleep(40, 100, null))
                .id();
        await().atMost(WITHIN).until(() -> jobs.get(id).status() == JobStatus.RUNNING);
        String owner = jobs.get(id).owner();

        // what the others do when it is silent too long (a long GC pause): declare it dead while it runs the job
        declareDead(worker, owner);

        await().atMost(WITHIN)
                .untilAsserted(() -> assertThat(jobs.attempts(id).orElseThrow())
                        .first()
                        .satisfies(attempt -> {
                            assertThat(attempt.instanceId()).isEqualTo(owner);
                            assertThat(attempt.outcome()).isEqualTo(JobAttempt.REQUEUED);
                            assertThat(attempt.reason()).contains("instance " + owner + " was declared dead");
                        }));
        await().atMost(WITHIN).until(() -> jobs.get(id).status() == JobStatus.COMPLETED);
        assertThat(jobs.get(id).attempts()).isGreaterThanOrEqualTo(2);
        awaitRejoined(worker, owner);
        // it works again after rejoining
        String next = nodes.get(owner)
                .getBean(JobManager.class)
                .submit(TestJobHandlers.SLEEP, new TestJobHandlers.Sleep(1, 10, null))
                .id();
        await().atMost(WITHIN).until(() -> jobs.get(next).status() == JobStatus.COMPLETED);
    }

    @Test
    void aRunOfATaskDeclaredIdempotentIsTakenOverFromADeadMemberAndRunsAgainInItsConcurrencySlot() {
        String worker = aWorker();
        JobManager jobs = nodes.get(worker).getBean(JobManager.class);
        JsonNode accepted = api(worker)
                .postJson(
                        "/api/v1/tasks/rerunnable_wait/$execute",
                        "{\"params\":{\"key\":\"takeover\",\"millis\":60000}}")
                .json();
        String id = accepted.get("job_id").asString();
        await().atMost(WITHIN).until(() -> jobs.get(id).status() == JobStatus.RUNNING);
        String owner = jobs.get(id).owner();

        declareDead(worker, owner);

        // re-queued (its task is idempotent), then run again: its slot (a limit of 1) was freed by the re-queue
        await().atMost(WITHIN).until(() -> jobs.get(id).status() == JobStatus.COMPLETED);
        assertThat(jobs.attempts(id).orElseThrow()).first().satisfies(attempt -> {
            assertThat(attempt.instanceId()).isEqualTo(owner);
            assertThat(attempt.outcome()).isEqualTo(JobAttempt.REQUEUED);
            assertThat(attempt.reason()).contains("instance " + owner + " was declared dead");
        });
        JsonNode outcome = api(worker)
                .get("/api/v1/artifacts/" + accepted.get("artifact_id").asString())
                .json()
                .get("data");
        assertThat(outcome.get("result").asInt())
                .as("a later call ran to the end")
                .isGreaterThanOrEqualTo(2);
        awaitRejoined(worker, owner);
    }

    @Test
    void readinessFollowsTheMembersJobSystemWhileLivenessStaysUp() {
        String worker = aWorker();
        HttpApi api = api(worker);
        await().atMost(WITHIN).until(() -> api.get("/actuator/health/readiness").status() == 200);
        JobManager jobs = nodes.get(worker).getBean(JobManager.class);
        jobs.fence();
        try {
            HttpApi.Response fenced = api.get("/actuator/health/readiness");
            assertThat(fenced.status()).isEqualTo(503);
            assertThat(fenced.json().get("status").asString()).isEqualTo("OUT_OF_SERVICE");
            assertThat(api.get("/actuator/health/liveness").status())
                    .as("a fenced member is not restarted, only taken out of the load balancer")
                    .isEqualTo(200);
        } finally {
            jobs.unfence();
        }
        await().atMost(WITHIN).until(() -> api.get("/actuator/health/readiness").status() == 200);
    }

    /** A running member with the worker role (the first of node-a and node-b still running). */
    private String aWorker() {
        return nodes.keySet().stream()
                .filter(name -> !name.equals("node-c"))
                .findFirst()
                .orElseThrow();
    }

    /** What the others do when a member is silent too long (a long GC pause): declare it dead, here through {@code via}. */
    private void declareDead(String via, String member) {
        jdbc(via)
                .sql("UPDATE cluster_members SET state = 'DEAD' WHERE instance_id = ?")
                .param(member)
                .update();
    }

    /** Waits until a member declared dead has fenced itself, noticed, and rejoined as alive. */
    private void awaitRejoined(String via, String member) {
        await().atMost(WITHIN).untilAsserted(() -> {
            assertThat(states(api(via).get("/api/v1/cluster").json())).containsEntry(member, "ALIVE");
            assertThat(nodes.get(member).getBean(JobManager.class).isFenced()).isFalse();
        });
    }

    private ConfigurableApplicationContext start(String name, String roles) {
        return new SpringApplicationBuilder(TestServiceApplication.class)
                .properties(
                        "server.port=0",
                        "spring.datasource.url=" + database.url(),
                        "spring.datasource.username=" + database.username(),
                        "spring.datasource.password=" + database.password(),
                        "spring.datasource.hikari.maximum-pool-size=4",
                        "chapkit.jobs.instance-name=" + name,
                        "chapkit.cluster.enabled=true",
                        "chapkit.cluster.roles=" + roles,
                        "chapkit.cluster.heartbeat-interval=200ms",
                        "chapkit.cluster.missed-heartbeats=3",
                        "chapkit.cluster.leader-lock-ttl=2s",
                        "chapkit.cluster.leader-heartbeat=300ms",
                        "chapkit.cluster.leader-busy-wait=100ms",
                        "chapkit.schedules.poll-interval=200ms")
                .run();
    }

    private HttpApi api(String name) {
        return new HttpApi(nodes.get(name).getEnvironment().getProperty("local.server.port", Integer.class));
    }

    private JdbcClient jdbc(String name) {
        return nodes.get(name).getBean(JdbcClient.class);
    }

    private static Map<String, List<String>> roles(JsonNode cluster) {
        Map<String, List<String>> roles = new LinkedHashMap<>();
        cluster.get("members").forEach(member -> {
            List<String> names = new ArrayList<>();
            member.get("roles").forEach(role -> names.add(role.asString()));
            roles.put(member.get("instance_id").asString(), names);
        });
        return roles;
    }

    private static Map<String, String> states(JsonNode cluster) {
        Map<String, String> states = new LinkedHashMap<>();
        cluster.get("members")
                .forEach(member -> states.put(
                        member.get("instance_id").asString(),
                        member.get("state").asString()));
        return states;
    }
}
