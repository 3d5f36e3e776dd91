package org.chapkit.client.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chapkit.client.http.ChapkitJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The client's DataFrame speaks the server's vocabulary and keeps the wire format. */
class DataFrameVocabularyTests {

    private final JsonMapper mapper = ChapkitJson.newMapper();

    @Test
    void rowsSizeAndIsEmptyAreTheServersNames() {
        DataFrame frame = DataFrame.of(List.of("location", "cases"), List.of(List.of("a", 1), List.of("b", 2)));

        assertThat(frame.rows()).containsExactly(List.of("a", 1), List.of("b", 2));
        assertThat(frame.size()).isEqualTo(2);
        assertThat(frame.isEmpty()).isFalse();
        assertThat(DataFrame.of(List.of("x"), List.of()).isEmpty()).isTrue();
    }

    @Test
    @SuppressWarnings("removal")
    void theOldNamesStillAnswerTheSame() {
        DataFrame frame = DataFrame.of(List.of("x"), List.of(List.of(1)));

        assertThat(frame.data()).isEqualTo(frame.rows());
        assertThat(frame.rowCount()).isEqualTo(frame.size());
    }

    @Test
    void theWireNameOfTheRowsIsStillData() {
        DataFrame frame = DataFrame.of(List.of("x"), List.of(List.of(1)));

        String json = mapper.writeValueAsString(frame);

        assertThat(json).isEqualTo("{\"columns\":[\"x\"],\"data\":[[1]]}");
        assertThat(mapper.readValue(json, DataFrame.class)).isEqualTo(frame);
    }
}
