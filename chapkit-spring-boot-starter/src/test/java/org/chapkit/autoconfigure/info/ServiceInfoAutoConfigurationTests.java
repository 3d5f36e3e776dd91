package org.chapkit.autoconfigure.info;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chapkit.info.ModelMetadata;
import org.chapkit.info.PeriodType;
import org.chapkit.info.ServiceInfo;
import org.chapkit.info.internal.InfoController;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class ServiceInfoAutoConfigurationTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(ServiceInfoAutoConfiguration.class, ValidationAutoConfiguration.class));

    @Test
    void buildsServiceInfoFromProperties() {
        runner.withPropertyValues(
                        "chapkit.service.id=my-model",
                        "chapkit.service.display-name=My Model",
                        "chapkit.service.period-type=weekly",
                        "chapkit.service.required-covariates=rainfall,mean_temperature",
                        "chapkit.service.model-metadata.author=Jane",
                        "chapkit.service.model-metadata.author-assessed-status=green")
                .run(context -> {
                    ServiceInfo info = context.getBean(ServiceInfo.class);
                    assertThat(info.id()).isEqualTo("my-model");
                    assertThat(info.periodType()).isEqualTo(PeriodType.WEEKLY);
                    assertThat(info.requiredCovariates()).containsExactly("rainfall", "mean_temperature");
                    assertThat(info.modelMetadata().author()).isEqualTo("Jane");
                    assertThat(context).hasSingleBean(InfoController.class);
                });
    }

    @Test
    void invalidIdFailsStartupNamingTheProperty() {
        runner.withPropertyValues("chapkit.service.id=My_Model").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("chapkit.service.id");
        });
    }

    @Test
    void invalidEmailAndUrlFailStartup() {
        runner.withPropertyValues("chapkit.service.model-metadata.contact-email=not-an-email")
                .run(context ->
                        assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("contactEmail"));
        runner.withPropertyValues("chapkit.service.model-metadata.repository-url=nota url")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void invertedPredictionBoundsFailStartup() {
        runner.withPropertyValues(
                        "chapkit.service.min-prediction-periods=5", "chapkit.service.max-prediction-periods=2")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("min_prediction_periods"));
    }

    @Test
    void userServiceInfoBeanWins() {
        runner.withUserConfiguration(OwnInfo.class).run(context -> {
            assertThat(context.getBean(ServiceInfo.class).id()).isEqualTo("own-info");
        });
    }

    @Test
    void endpointCanBeSwitchedOff() {
        runner.withPropertyValues("chapkit.info.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(InfoController.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnInfo {

        @Bean
        ServiceInfo serviceInfo() {
            return new ServiceInfo(
                    "own-info",
                    "Own",
                    "1",
                    null,
                    new ModelMetadata(null, null, null, null, null, null, null, null, null),
                    PeriodType.MONTHLY,
                    0,
                    10,
                    false,
                    List.of(),
                    false);
        }
    }
}
