package org.chapkit.ml.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class FeatureCollectionTests {

    final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void passesTheCollectionThroughUnchanged() {
        String json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":"
                + "{\"type\":\"Point\",\"coordinates\":[36.8,-1.3]},\"properties\":{\"id\":\"location_0\",\"x\":1}}],"
                + "\"bbox\":[36.8,-1.3,36.8,-1.3],\"foreign\":true}";

        FeatureCollection geo = mapper.readValue(json, FeatureCollection.class);

        assertThat(geo.size()).isEqualTo(1);
        assertThat(geo.bbox()).isPresent();
        assertThat(mapper.writeValueAsString(geo)).isEqualTo(json);
    }

    @Test
    void validatesOnlyTheEnvelope() {
        assertThatThrownBy(() -> mapper.readValue("{\"type\":\"Feature\",\"features\":[]}", FeatureCollection.class))
                .hasMessageContaining("\"type\": \"FeatureCollection\"");
        assertThatThrownBy(() -> mapper.readValue("{\"type\":\"FeatureCollection\"}", FeatureCollection.class))
                .hasMessageContaining("\"features\" array");
        assertThatThrownBy(() -> mapper.readValue("[]", FeatureCollection.class))
                .hasMessageContaining("must be a JSON object");
    }
}
