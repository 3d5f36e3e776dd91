package org.chapkit.ml.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.chapkit.ml.runner.ValidationDiagnostic;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MlApiRecordsTests {

    final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void trainRequestIgnoresRunInfo() {
        TrainRequest request = mapper.readValue(
                "{\"config_id\":\"01K0000000000000000000000A\",\"data\":{\"columns\":[\"a\"],\"data\":[[1]]},"
                        + "\"run_info\":{\"prediction_length\":3}}",
                TrainRequest.class);

        assertThat(request.configId()).isEqualTo("01K0000000000000000000000A");
        assertThat(request.data().size()).isEqualTo(1);
        assertThat(request.geo()).isNull();
    }

    @Test
    void validateRequestIsDiscriminatedOnARequiredType() {
        ValidateRequest predict = mapper.readValue(
                "{\"type\":\"predict\",\"artifact_id\":\"01K0000000000000000000000A\","
                        + "\"historic\":{\"columns\":[],\"data\":[]},\"future\":{\"columns\":[],\"data\":[]}}",
                ValidateRequest.class);

        assertThat(predict).isInstanceOf(ValidateRequest.Predict.class);
        assertThat(predict.type()).isEqualTo("predict");
        assertThatThrownBy(() -> mapper.readValue(
                        "{\"config_id\":\"x\",\"data\":{\"columns\":[],\"data\":[]}}", ValidateRequest.class))
                .hasMessageContaining("type");
        assertThatThrownBy(() -> mapper.readValue("{\"type\":\"other\"}", ValidateRequest.class))
                .hasMessageContaining("other");
    }

    @Test
    void responsesUseChapkitsWireNames() {
        assertThat(mapper.writeValueAsString(JobSubmitted.training("J", "A")))
                .isEqualTo(
                        "{\"job_id\":\"J\",\"artifact_id\":\"A\",\"message\":\"Training job submitted. Job ID: J\"}");
        assertThat(ValidateResponse.of(List.of(ValidationDiagnostic.warning("w", "m", null)))
                        .valid())
                .isTrue();
        assertThat(ValidateResponse.of(List.of(ValidationDiagnostic.error("e", "m", null)))
                        .valid())
                .isFalse();
    }
}
