package org.chapkit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chapkit.problem.FieldError;
import org.chapkit.problem.ValidationFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class ConfigTypeTests {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    record Window(
            @ConfigDefault("12") @Positive int months,
            @ConfigDefault("[]") List<@Min(0) Integer> skip) {}

    record Rich(
            @ConfigDefault("2") int predictionPeriods,
            @ConfigDefault("[]") List<String> additionalContinuousCovariates,

            @JsonProperty("URL") @ConfigDefault("http://x") @Pattern(regexp = "https?://.*")
            String url,

            @ConfigDefault("{\"months\":6}") @Valid Window window,
            @ConfigDefault("[\"a\"]") @Size(max = 3) Set<String> labels,
            @ConfigDefault("{}") Map<String, Double> weights,
            @NotBlank String owner)
            implements BaseConfig {}

    private final ConfigType<Rich> type = new ConfigType<>(ConfigDefinition.of(Rich.class), MAPPER, VALIDATOR);

    /** {@code Literal[1, 2, 3]} in Java: an enum whose wire values are ints. */
    enum Order {
        FIRST(1),
        SECOND(2),
        THIRD(3);

        private final int value;

        Order(int value) {
            this.value = value;
        }

        @com.fasterxml.jackson.annotation.JsonValue
        int value() {
            return value;
        }
    }

    record Literals(
            @ConfigDefault("3") int predictionPeriods,
            @ConfigDefault("[]") List<String> additionalContinuousCovariates,
            @ConfigDefault("2") Order order,

            @ConfigDefault("7") @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"7", "14", "28"})
            int window,

            @ConfigDefault("0.5") @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"0.5", "1.5"})
            double rate,

            @ConfigDefault("\"a\"") @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"a", "b"})
            String letter)
            implements BaseConfig {}

    @Test
    void intValuedEnumsAndIntsWithAllowedValuesAreIntegerEnums() {
        JsonNode properties = new ConfigType<>(ConfigDefinition.of(Literals.class), MAPPER, VALIDATOR)
                .schema()
                .get("properties");

        assertThat(properties.get("order").get("type").asString()).isEqualTo("integer");
        assertThat(properties.get("order").get("enum").toString()).isEqualTo("[1,2,3]");
        assertThat(properties.get("order").get("default").asInt()).isEqualTo(2);
        assertThat(properties.get("window").get("type").asString()).isEqualTo("integer");
        assertThat(properties.get("window").get("enum").toString()).isEqualTo("[7,14,28]");
        assertThat(properties.get("rate").get("type").asString()).isEqualTo("number");
        assertThat(properties.get("rate").get("enum").toString()).isEqualTo("[0.5,1.5]");
        assertThat(properties.get("letter").get("enum").toString()).isEqualTo("[\"a\",\"b\"]");
    }

    @Test
    void schemaCoversNestedRecordsCollectionsMapsAndRequiredFields() {
        ObjectNode schema = type.schema();
        JsonNode properties = schema.get("properties");

        assertThat(properties.propertyNames())
                .containsExactly(
                        "prediction_periods",
                        "additional_continuous_covariates",
                        "URL",
                        "window",
                        "labels",
                        "weights",
                        "owner");
        assertThat(properties.get("URL").get("pattern").asString()).isEqualTo("https?://.*");
        JsonNode window = properties.get("window");
        assertThat(window.get("type").asString()).isEqualTo("object");
        assertThat(window.get("properties")
                        .get("months")
                        .get("exclusiveMinimum")
                        .asInt())
                .isZero();
        assertThat(window.get("default").toString()).isEqualTo("{\"months\":6,\"skip\":[]}");
        assertThat(properties.get("labels").get("uniqueItems").asBoolean()).isTrue();
        assertThat(properties.get("labels").get("maxItems").asInt()).isEqualTo(3);
        assertThat(properties
                        .get("weights")
                        .get("additionalProperties")
                        .get("type")
                        .asString())
                .isEqualTo("number");
        assertThat(schema.get("required").toString()).isEqualTo("[\"owner\"]");
    }

    @Test
    void bindingFillsNestedDefaultsAndReportsNestedViolationsWithWirePaths() {
        ConfigType.Bound<Rich> bound = type.bind(MAPPER.readTree("{\"owner\":\"me\",\"window\":{},\"other\":true}"));
        assertThat(bound.value().window().months()).isEqualTo(12);
        assertThat(bound.data().get("other").asBoolean()).isTrue();

        assertThatThrownBy(() -> type.bind(MAPPER.readTree(
                        "{\"owner\":\" \",\"window\":{\"months\":0},\"labels\":[\"a\",\"b\",\"c\",\"d\"]}")))
                .isInstanceOfSatisfying(
                        ValidationFailedException.class,
                        ex -> assertThat(ex.fieldErrors())
                                .extracting(FieldError::field)
                                .containsExactly("data.labels", "data.owner", "data.window.months"));
    }

    @Test
    void aRecordWithoutTheReservedFieldsIsRefused() {
        record Bare(int x) implements BaseConfig {
            @Override
            public int predictionPeriods() {
                return 0;
            }

            @Override
            public List<String> additionalContinuousCovariates() {
                return List.of();
            }
        }
        assertThatThrownBy(() -> new ConfigType<>(ConfigDefinition.of(Bare.class), MAPPER, VALIDATOR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prediction_periods");
    }
}
