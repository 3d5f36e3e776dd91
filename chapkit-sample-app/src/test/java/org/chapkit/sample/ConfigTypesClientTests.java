package org.chapkit.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.chapkit.client.ChapkitClient;
import org.chapkit.client.ChapkitProblemException;
import org.chapkit.client.Versioned;
import org.chapkit.client.config.Config;
import org.chapkit.client.config.ConfigClient;
import org.chapkit.client.config.ConfigDiff;
import org.chapkit.client.config.ConfigRequest;
import org.chapkit.client.config.ConfigTypeInfo;
import org.chapkit.client.config.ConfigVersion;
import org.chapkit.config.BaseConfig;
import org.chapkit.config.ConfigDefault;
import org.chapkit.test.ServiceTestOnH2;
import org.chapkit.test.ServiceTestOnPostgres;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The typed client over config types and config versions, against the sample service with a second config type
 * ({@code scenario}) declared by {@code chapkit.config.additional-types}.
 */
class ConfigTypesClientTests {

    /**
     * The second config type.
     *
     * @param predictionPeriods periods to predict
     * @param additionalContinuousCovariates extra covariates
     * @param rainfallFactor factor on the rainfall of the scenario
     */
    public record Scenario(
            @JsonProperty("prediction_periods") @ConfigDefault("3")
            int predictionPeriods,

            @JsonProperty("additional_continuous_covariates") @ConfigDefault("[]")
            List<String> additionalContinuousCovariates,

            @JsonProperty("rainfall_factor") @ConfigDefault("1.0")
            double rainfallFactor)
            implements BaseConfig {}

    /**
     * The sample's {@link ForecastConfig} as a client declares it (wire names by {@code @JsonProperty}).
     *
     * @param predictionPeriods periods to predict
     * @param additionalContinuousCovariates extra covariates
     * @param nSamples samples per period
     * @param lags lagged regressors
     * @param seed bootstrap seed
     */
    public record Forecast(
            @JsonProperty("prediction_periods") int predictionPeriods,

            @JsonProperty("additional_continuous_covariates")
            List<String> additionalContinuousCovariates,

            @JsonProperty("n_samples") int nSamples,
            @JsonProperty("lags") int lags,
            @JsonProperty("seed") long seed) {}

    @Nested
    @ServiceTestOnH2
    @TestPropertySource(
            properties = "chapkit.config.additional-types.scenario=org.chapkit.sample.ConfigTypesClientTests$Scenario")
    class OnH2 extends Contract {}

    @Nested
    @ServiceTestOnPostgres
    @TestPropertySource(
            properties = "chapkit.config.additional-types.scenario=org.chapkit.sample.ConfigTypesClientTests$Scenario")
    class OnPostgres extends Contract {}

    abstract static class Contract {

        @LocalServerPort
        int port;

        @Test
        void theClientListsTypesAndCoversEachTypesConfigsAndVersions() throws Exception {
            try (ChapkitClient client = ChapkitClient.create("http://127.0.0.1:" + port)) {
                List<ConfigTypeInfo> types = client.configTypes();
                assertThat(types).extracting(ConfigTypeInfo::name).containsExactly("default", "scenario");
                assertThat(types.get(0).defaultType()).isTrue();
                assertThat(types.get(0).title()).isEqualTo("ForecastConfig");
                assertThat(types.get(0).schema())
                        .isEqualTo(client.configs(Forecast.class).schema());
                assertThat(types.get(1).configs()).isEqualTo("/api/v1/config-types/scenario/configs");
                assertThat(types.get(1).schema().get("properties").has("rainfall_factor"))
                        .isTrue();

                ConfigClient<Scenario> scenarios = client.configs("scenario", Scenario.class);
                Config<Scenario> wet = scenarios.create("wet", new Scenario(3, List.of(), 1.5));
                assertThat(wet.data().rainfallFactor()).isEqualTo(1.5);
                assertThat(scenarios.list()).extracting(Config::id).contains(wet.id());
                assertThat(scenarios.stats().total()).isEqualTo(scenarios.list().size());
                assertThat(client.configs(Forecast.class).list())
                        .extracting(Config::id)
                        .doesNotContain(wet.id());
                assertThatThrownBy(() -> client.configs(Forecast.class).get(wet.id()))
                        .isInstanceOfSatisfying(
                                ChapkitProblemException.class,
                                ex -> assertThat(ex.status()).isEqualTo(404));

                Versioned<Config<Scenario>> current = scenarios.getVersioned(wet.id());
                Versioned<Config<Scenario>> wetter = scenarios.update(
                        wet.id(), ConfigRequest.of("wetter", new Scenario(3, List.of(), 2.5)), current.etag());
                List<ConfigVersion<Scenario>> versions = scenarios.versions(wet.id());
                assertThat(versions).extracting(ConfigVersion::name).containsExactly("wet", "wetter");
                assertThat(versions.get(1).data().rainfallFactor()).isEqualTo(2.5);
                long first = versions.get(0).version();
                assertThat(scenarios.version(wet.id(), first)).isEqualTo(versions.get(0));
                ConfigDiff diff = scenarios.diff(wet.id(), first);
                assertThat(diff.changes())
                        .extracting(ConfigDiff.Change::path)
                        .containsExactly("name", "/data/rainfall_factor");
                assertThat(diff.changes().get(1).to().asDouble()).isEqualTo(2.5);
                assertThat(scenarios.diff(wet.id(), first, versions.get(1).version()))
                        .isEqualTo(diff);

                assertThatThrownBy(() -> scenarios.rollback(wet.id(), first, current.etag()))
                        .isInstanceOfSatisfying(
                                ChapkitProblemException.class,
                                ex -> assertThat(ex.status()).isIn(409, 412));
                Versioned<Config<Scenario>> rolledBack = scenarios.rollback(wet.id(), first, wetter.etag());
                assertThat(rolledBack.value().name()).isEqualTo("wet");
                assertThat(rolledBack.value().data().rainfallFactor()).isEqualTo(1.5);
                assertThat(scenarios
                                .rollback(wet.id(), versions.get(1).version())
                                .name())
                        .isEqualTo("wetter");
                assertThat(scenarios.versions(wet.id())).hasSize(4);

                ConfigClient<Forecast> forecasts = client.configs(Forecast.class);
                Config<Forecast> forecast = forecasts.create("f", new Forecast(3, List.of(), 5, 1, 7));
                forecasts.update(forecast.id(), ConfigRequest.of("f2", new Forecast(3, List.of(), 6, 1, 7)));
                assertThat(forecasts.versions(forecast.id())).hasSize(2);
                assertThat(forecasts.diff(forecast.id(), 1).changes())
                        .extracting(ConfigDiff.Change::path)
                        .containsExactly("name", "/data/n_samples");
                assertThat(forecasts.rollback(forecast.id(), 1).data().nSamples())
                        .isEqualTo(5);
                assertThat(client.configs("default", Forecast.class)
                                .get(forecast.id())
                                .name())
                        .isEqualTo("f");

                scenarios.delete(wet.id());
                assertThatThrownBy(() -> scenarios.get(wet.id()))
                        .isInstanceOfSatisfying(
                                ChapkitProblemException.class,
                                ex -> assertThat(ex.status()).isEqualTo(404));
            }
        }
    }
}
