package org.chapkit.ml.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chapkit.info.PeriodType;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.data.DataFrameField;
import org.chapkit.ml.data.FieldType;
import org.chapkit.ml.geo.FeatureCollection;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SampleDataGeneratorTests {

    final SampleDataGenerator generator = new SampleDataGenerator();

    @Test
    void trainingDataHasChapkitsColumnsAndPeriodMajorRows() {
        SampleDataRequest request = new SampleDataRequest(
                3,
                14,
                2,
                3,
                PeriodType.MONTHLY,
                GeoType.POLYGON,
                true,
                7,
                List.of("humidity", "rainfall"),
                List.of("ndvi", "humidity"));

        TrainingSample sample = generator.training(request);
        DataFrame data = sample.data();

        assertThat(data.columns())
                .containsExactly(
                        "time_period",
                        "location",
                        "disease_cases",
                        "population",
                        "rainfall",
                        "mean_temperature",
                        "feature_0",
                        "feature_1",
                        "humidity",
                        "ndvi");
        assertThat(data.size()).isEqualTo(3 * 14);
        assertThat(data.column("time_period").subList(0, 4))
                .containsExactly("2020-01", "2020-01", "2020-01", "2020-02");
        assertThat(data.column("time_period").getLast()).isEqualTo("2021-02");
        assertThat(data.column("location").subList(0, 4))
                .containsExactly("location_0", "location_1", "location_2", "location_0");
        assertThat(data.column("disease_cases"))
                .allSatisfy(v -> assertThat((Double) v).isNotNegative());
        assertThat(data.schema().fields())
                .extracting(DataFrameField::type)
                .containsExactly(
                        FieldType.STRING,
                        FieldType.STRING,
                        FieldType.NUMBER,
                        FieldType.INTEGER,
                        FieldType.NUMBER,
                        FieldType.NUMBER,
                        FieldType.NUMBER,
                        FieldType.NUMBER,
                        FieldType.NUMBER,
                        FieldType.NUMBER);
        assertThat(generator.training(request))
                .as("a seed makes it reproducible")
                .isEqualTo(sample);
    }

    @Test
    void predictionFutureContinuesTheHistoryWithoutTheTarget() {
        SampleDataRequest request =
                new SampleDataRequest(2, 52, 0, 4, PeriodType.WEEKLY, GeoType.POINT, false, 1, List.of(), List.of());

        PredictionSample sample = generator.prediction(request);

        assertThat(sample.geo()).isNull();
        assertThat(sample.historic().column("time_period").getFirst()).isEqualTo("2020-W01");
        assertThat(sample.historic().column("time_period").getLast()).isEqualTo("2020-W52");
        assertThat(sample.future().column("time_period"))
                .containsExactly(
                        "2021-W01", "2021-W01", "2021-W02", "2021-W02", "2021-W03", "2021-W03", "2021-W04", "2021-W04");
        assertThat(sample.future().column("disease_cases")).containsOnlyNulls();
        assertThat(sample.future().schema().typeOf("disease_cases")).contains(FieldType.NUMBER);
    }

    @Test
    void geoIsAGridAroundNairobiWithIdsAndBbox() {
        FeatureCollection polygons = generator.geo(5, GeoType.POLYGON);
        FeatureCollection points = generator.geo(5, GeoType.POINT);

        assertThat(polygons.size()).isEqualTo(5);
        JsonNode first = polygons.features().get(0);
        assertThat(first.at("/properties/id").asString()).isEqualTo("location_0");
        assertThat(first.at("/geometry/type").asString()).isEqualTo("Polygon");
        assertThat(first.at("/geometry/coordinates/0")).hasSize(5);
        // 5 locations → a 3×2 grid of 0.8° cells centred on 36.8E 1.3S.
        assertThat(polygons.bbox()
                        .orElseThrow()
                        .valueStream()
                        .map(JsonNode::asDouble)
                        .toList())
                .satisfies(bbox -> {
                    assertThat(bbox.get(0)).isCloseTo(35.6, org.assertj.core.data.Offset.offset(1e-9));
                    assertThat(bbox.get(1)).isCloseTo(-2.1, org.assertj.core.data.Offset.offset(1e-9));
                    assertThat(bbox.get(2)).isCloseTo(38.0, org.assertj.core.data.Offset.offset(1e-9));
                    assertThat(bbox.get(3)).isCloseTo(-0.5, org.assertj.core.data.Offset.offset(1e-9));
                });
        assertThat(points.features().get(4).at("/geometry/type").asString()).isEqualTo("Point");
        assertThat(points.features().get(4).at("/properties/id").asString()).isEqualTo("location_4");
    }
}
