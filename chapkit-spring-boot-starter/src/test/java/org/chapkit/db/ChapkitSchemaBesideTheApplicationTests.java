package org.chapkit.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.chapkit.autoconfigure.database.ChapkitSchema;
import org.chapkit.job.Job;
import org.chapkit.job.JobManager;
import org.chapkit.job.JobStatus;
import org.chapkit.job.TestJobHandlers;
import org.chapkit.test.HttpApi;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.test.ServiceTestOnPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code chapkit.database.schema}: chapkit in a schema of its own, in a database whose default schema belongs to an
 * application with its own Flyway migrations (its own history table), its own {@code jobs} table and its own
 * db-scheduler on its own {@code scheduled_tasks}. The application's Flyway runs after chapkit's, the order that
 * would fail if they shared a schema (Flyway refuses a non-empty schema without its history). On H2 and PostgreSQL.
 */
class ChapkitSchemaBesideTheApplicationTests {

    static final AtomicInteger TICKS = new AtomicInteger();

    @Nested
    @ServiceTestOnH2
    @TestPropertySource(properties = "chapkit.database.schema=chapkit")
    @Import(TheApplicationsOwn.class)
    class OnH2 extends Contract {}

    @Nested
    @ServiceTestOnPostgres
    @TestPropertySource(properties = "chapkit.database.schema=chapkit")
    @Import(TheApplicationsOwn.class)
    class OnPostgres extends Contract {}

    abstract class Contract {

        @Autowired
        JdbcClient jdbc;

        @Autowired
        JobManager jobs;

        @LocalServerPort
        int port;

        @Test
        void chapkitsTablesAreAllInItsSchemaAndTheDefaultSchemaHoldsOnlyTheApplicationsTables() {
            List<String> chapkits = new ArrayList<>(ChapkitTables.NAMES);
            chapkits.add("chapkit_schema_history");

            assertThat(tables("chapkit")).containsExactlyInAnyOrderElementsOf(chapkits);
            assertThat(tables("public")).containsExactlyInAnyOrder("flyway_schema_history", "jobs", "scheduled_tasks");
            assertThat(jdbc.sql(
                                    "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE AND \"version\" IS NOT NULL")
                            .query(String.class)
                            .list())
                    .containsExactly("1");
        }

        @Test
        void chapkitsJobsRunOnItsSchedulerWhileTheApplicationsSchedulerRunsOnItsOwnTable() {
            Job job = jobs.submit(TestJobHandlers.SLEEP, new TestJobHandlers.Sleep(1, 10, null));

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> jobs.get(job.id()).status() == JobStatus.COMPLETED);
            await().atMost(Duration.ofSeconds(30)).until(() -> TICKS.get() >= 2);
            assertThat(jdbc.sql("SELECT title FROM jobs").query(String.class).list())
                    .containsExactly("the application's own job");
            assertThat(jdbc.sql("SELECT count(*) FROM chapkit.jobs WHERE id = ?")
                            .param(job.id())
                            .query(Integer.class)
                            .single())
                    .isOne();
            assertThat(jdbc.sql("SELECT DISTINCT task_name FROM scheduled_tasks")
                            .query(String.class)
                            .list())
                    .containsExactly("application-tick");
            assertThat(jdbc.sql("SELECT DISTINCT task_name FROM chapkit.scheduled_tasks")
                            .query(String.class)
                            .list())
                    .isNotEmpty()
                    .doesNotContain("application-tick");
        }

        @Test
        void theRestApiStoresConfigsInChapkitsSchema() {
            HttpApi api = new HttpApi(port);

            HttpApi.Response created = api.postJson("/api/v1/configs", "{\"name\":\"beside\",\"data\":{}}");

            assertThat(created.status()).isEqualTo(201);
            String id = created.json().get("id").asString();
            assertThat(api.get("/api/v1/configs/" + id).status()).isEqualTo(200);
            assertThat(jdbc.sql("SELECT name FROM chapkit.configs WHERE id = ?")
                            .param(id)
                            .query(String.class)
                            .single())
                    .isEqualTo("beside");
        }

        private List<String> tables(String schema) {
            return jdbc.sql("SELECT lower(table_name) FROM information_schema.tables"
                            + " WHERE lower(table_schema) = ? AND table_type = 'BASE TABLE'")
                    .param(schema)
                    .query(String.class)
                    .list();
        }
    }

    /** The application's own database work: its Flyway migrations and its own db-scheduler. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TheApplicationsOwn {

        @Bean(initMethod = "migrate")
        Flyway applicationFlyway(DataSource dataSource, ChapkitSchema chapkitMigratedFirst) {
            return Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:org/chapkit/db/app")
                    .placeholders(Map.of("blob", chapkitMigratedFirst.vendor().equals("h2") ? "BLOB" : "BYTEA"))
                    .load();
        }

        @Bean(destroyMethod = "stop")
        Scheduler applicationScheduler(DataSource dataSource, Flyway applicationFlyway) {
            RecurringTask<Void> tick = Tasks.recurring("application-tick", FixedDelay.ofMillis(100))
                    .execute((instance, context) -> TICKS.incrementAndGet());
            Scheduler scheduler = Scheduler.create(dataSource)
                    .startTasks(tick)
                    .pollingInterval(Duration.ofMillis(100))
                    .build();
            scheduler.start();
            return scheduler;
        }
    }
}
