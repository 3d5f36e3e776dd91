package org.chapkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.chapkit.client.ChapkitClient;
import org.chapkit.client.job.JobRecord;
import org.chapkit.client.job.JobStatus;
import org.chapkit.test.ChapkitServiceTest;
import org.chapkit.test.ChapkitServiceTest.TestDatabase;
import org.chapkit.test.JobWaiter;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** {@code @ChapkitServiceTest} gives a test a running service, an isolated database, a client and a job waiter. */
class ChapkitServiceTestTests {

    abstract static class Contract {

        @Autowired
        ChapkitClient client;

        @Autowired
        JobWaiter jobs;

        @Autowired
        DataSource dataSource;

        @Autowired
        ApplicationContext context;

        @Test
        void theClientBeanTalksToTheRunningService() {
            assertThat(client.info().id()).isEqualTo("test-service");
        }

        @Test
        void theJobWaiterReturnsACompletedTaskJob() {
            String jobId = client.tasks()
                    .execute("add_numbers", Map.of("a", 2, "b", 3))
                    .jobId();

            JobRecord job = jobs.completed(jobId);

            assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
        }

        @Test
        void theJobWaiterReportsAFailedJobWithItsError() {
            // a retryable failure fails the attempt's job (the retry runs as a new job)
            String jobId = client.tasks()
                    .execute("flaky", Map.of("key", "waiter-" + System.nanoTime(), "failures", 1, "fatal", false))
                    .jobId();

            assertThatThrownBy(() -> jobs.completed(jobId))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("ended failed instead of completed")
                    .hasMessageContaining("Attempt 1 of 3 of task 'flaky' failed");
        }

        @Test
        void schedulesDoNotFireAndRegistrationIsOff() {
            assertThat(context.containsBean("chapkitScheduleFiring")).isFalse();
            assertThat(context.getEnvironment().getProperty("chapkit.registration.enabled"))
                    .isEqualTo("false");
        }

        String databaseProduct() throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                return connection.getMetaData().getDatabaseProductName();
            }
        }
    }

    @Nested
    @ChapkitServiceTest
    class OnDefaultDatabase extends Contract {

        @Test
        void runsOnAFreshInMemoryH2() throws SQLException {
            assertThat(databaseProduct()).isEqualTo("H2");
            assertThat(context.getEnvironment().getProperty("spring.datasource.url"))
                    .startsWith("jdbc:h2:mem:");
        }
    }

    @Nested
    @ChapkitServiceTest(database = TestDatabase.POSTGRES)
    class OnPostgres extends Contract {

        @Test
        void runsOnAFreshPostgresDatabase() throws SQLException {
            assertThat(databaseProduct()).isEqualTo("PostgreSQL");
            assertThat(context.getEnvironment().getProperty("spring.datasource.url"))
                    .contains("/chapkit_test_");
        }
    }

    @Nested
    @ChapkitServiceTest(schedules = true)
    class WithSchedules {

        @Autowired
        ApplicationContext context;

        @Test
        void schedulesFireWhenAskedFor() {
            assertThat(context.containsBean("chapkitScheduleFiring")).isTrue();
        }
    }
}
