package org.chapkit.autoconfigure.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.chapkit.autoconfigure.database.ChapkitDatabaseAutoConfiguration;
import org.chapkit.autoconfigure.info.ServiceInfoAutoConfiguration;
import org.chapkit.registration.ChapCoreRegistration;
import org.chapkit.registration.RegistrationLease;
import org.chapkit.registration.RegistrationState;
import org.chapkit.registration.internal.JdbcRegistrationLease;
import org.chapkit.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

class ChapkitRegistrationAutoConfigurationTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    JacksonAutoConfiguration.class,
                    ServiceInfoAutoConfiguration.class,
                    ChapkitRegistrationAutoConfiguration.class));

    @Test
    void nothingWithoutAnOrchestratorUrl() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(ChapCoreRegistration.class);
            assertThat(context).doesNotHaveBean(RegistrationHealthIndicator.class);
        });
    }

    @Test
    void aBlankOrchestratorUrlCountsAsNotSet() {
        runner.withPropertyValues("chapkit.registration.orchestrator-url= ")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ChapCoreRegistration.class));
    }

    @Test
    void aUrlThatIsNotHttpFailsStartUpNamingTheProperty() {
        runner.withPropertyValues("chapkit.registration.orchestrator-url=chap:8000")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("chapkit.registration.orchestrator-url must be an absolute http(s) URL"));
        runner.withPropertyValues(
                        "chapkit.registration.orchestrator-url=http://chap:8000",
                        "chapkit.registration.advertised-url=/relative")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("chapkit.registration.advertised-url"));
    }

    @Test
    void registrationHealthAndASoloLeaseWithoutADatabase() {
        runner.withPropertyValues("chapkit.registration.orchestrator-url=http://chap:8000")
                .run(context -> {
                    assertThat(context).hasSingleBean(ChapCoreRegistration.class);
                    assertThat(context).hasSingleBean(RegistrationStarter.class);
                    assertThat(context.getBean(RegistrationLease.class)).isNotInstanceOf(JdbcRegistrationLease.class);
                    assertThat(context.getBean(ChapCoreRegistration.class)
                                    .status()
                                    .registerUrl())
                            .hasToString("http://chap:8000/v2/services/$register");
                    assertThat(context.getBean(ChapCoreRegistration.class)
                                    .status()
                                    .state())
                            .isEqualTo(RegistrationState.STARTING);
                    HealthIndicator health = context.getBean("registrationHealthIndicator", HealthIndicator.class);
                    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
                    assertThat(health.health().getDetails()).containsEntry("state", "starting");
                });
    }

    @Test
    void databaseLeaseWhenChapkitsSchemaIsThereUnlessSwitchedOff() {
        WebApplicationContextRunner withDatabase = runner.withConfiguration(AutoConfigurations.of(
                        DataSourceAutoConfiguration.class, ChapkitDatabaseAutoConfiguration.class))
                .withPropertyValues(
                        "spring.datasource.url=" + TestDatabases.freshH2(),
                        "chapkit.registration.orchestrator-url=http://chap:8000");
        withDatabase.run(context ->
                assertThat(context.getBean(RegistrationLease.class)).isInstanceOf(JdbcRegistrationLease.class));
        withDatabase
                .withPropertyValues("chapkit.registration.cluster-lock=false")
                .run(context -> assertThat(context.getBean(RegistrationLease.class))
                        .isNotInstanceOf(JdbcRegistrationLease.class));
    }

    @Test
    void disabledKeepsTheHealthContributorSayingSo() {
        runner.withPropertyValues(
                        "chapkit.registration.orchestrator-url=http://chap:8000", "chapkit.registration.enabled=false")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(ChapCoreRegistration.class);
                    assertThat(context).doesNotHaveBean(RegistrationStarter.class);
                    HealthIndicator health = context.getBean("registrationHealthIndicator", HealthIndicator.class);
                    assertThat(health.health().getDetails()).containsEntry("state", "disabled");
                });
    }
}
