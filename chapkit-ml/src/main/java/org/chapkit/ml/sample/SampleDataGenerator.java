package org.chapkit.ml.sample;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.chapkit.info.PeriodType;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.geo.FeatureCollection;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Synthetic climate-health panel data in chapkit's shape ({@code TestDataGenerator}): canonical columns, seasonal
 * covariates, a rainfall-driven target, period-major rows and a grid of locations around 36.8°E 1.3°S.
 *
 * <p>The values follow chapkit's formulas but use Java's random generator, so the same seed gives the same data
 * here, not the same numbers as chapkit.
 */
public final class SampleDataGenerator {

    private static final List<String> CANONICAL =
            List.of("time_period", "location", "disease_cases", "population", "rainfall", "mean_temperature");
    private static final double CELL = 0.8;
    private static final double BASE_LON = 36.8;
    private static final double BASE_LAT = -1.3;

    /** Creates the generator. */
    public SampleDataGenerator() {}

    /**
     * Generates training data.
     *
     * @param request what to generate
     * @return the data (with schema) and optional geo
     */
    public TrainingSample training(SampleDataRequest request) {
        Random random = random(request);
        DataFrame data = frame(request, random, request.numPeriods(), 0, false);
        return new TrainingSample(data, request.includeGeo() ? geo(request.numLocations(), request.geoType()) : null);
    }

    /**
     * Generates prediction input: {@code numPeriods} of history followed by {@code futurePeriods} of future.
     *
     * @param request what to generate
     * @return historic and future (with schemas) and optional geo
     */
    public PredictionSample prediction(SampleDataRequest request) {
        Random random = random(request);
        DataFrame historic = frame(request, random, request.numPeriods(), 0, false);
        DataFrame future = frame(request, random, request.futurePeriods(), request.numPeriods(), true);
        return new PredictionSample(
                historic, future, request.includeGeo() ? geo(request.numLocations(), request.geoType()) : null);
    }

    /**
     * Generates a grid of square cells (or their centres) with {@code properties.id = location_<i>} and a bbox.
     *
     * @param numLocations the number of features
     * @param geoType polygon or point
     * @return the collection
     */
    public FeatureCollection geo(int numLocations, GeoType geoType) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        int columns = Math.max(1, (int) Math.ceil(Math.sqrt(numLocations)));
        int rows = Math.max(1, (int) Math.ceil(numLocations / (double) columns));
        double originLon = BASE_LON - (columns * CELL) / 2.0;
        double originLat = BASE_LAT - (rows * CELL) / 2.0;
        double west = Double.POSITIVE_INFINITY;
        double south = Double.POSITIVE_INFINITY;
        double east = Double.NEGATIVE_INFINITY;
        double north = Double.NEGATIVE_INFINITY;
        ArrayNode features = nodes.arrayNode();
        for (int i = 0; i < numLocations; i++) {
            double minLon = originLon + (i % columns) * CELL;
            double minLat = originLat + (i / columns) * CELL;
            ObjectNode geometry = nodes.objectNode();
            if (geoType == GeoType.POINT) {
                double lon = minLon + CELL / 2.0;
                double lat = minLat + CELL / 2.0;
                geometry.put("type", "Point");
                geometry.putArray("coordinates").add(lon).add(lat);
                west = Math.min(west, lon);
                east = Math.max(east, lon);
                south = Math.min(south, lat);
                north = Math.max(north, lat);
            } else {
                geometry.put("type", "Polygon");
                ArrayNode ring = geometry.putArray("coordinates").addArray();
                ring.addArray().add(minLon).add(minLat);
                ring.addArray().add(minLon + CELL).add(minLat);
                ring.addArray().add(minLon + CELL).add(minLat + CELL);
                ring.addArray().add(minLon).add(minLat + CELL);
                ring.addArray().add(minLon).add(minLat);
                west = Math.min(west, minLon);
                east = Math.max(east, minLon + CELL);
                south = Math.min(south, minLat);
                north = Math.max(north, minLat + CELL);
            }
            ObjectNode feature = features.addObject();
            feature.put("type", "Feature");
            feature.set("geometry", geometry);
            feature.putObject("properties").put("id", "location_" + i);
        }
        ObjectNode collection = nodes.objectNode();
        collection.put("type", "FeatureCollection");
        collection.set("features", features);
        if (numLocations > 0) {
            collection.putArray("bbox").add(west).add(south).add(east).add(north);
        }
        return new FeatureCollection(collection);
    }

    private static Random random(SampleDataRequest request) {
        return request.seed() < 0 ? new Random() : new Random(request.seed());
    }

    private static List<String> columns(SampleDataRequest request) {
        List<String> columns = new ArrayList<>(CANONICAL);
        for (int i = 0; i < request.numFeatures(); i++) {
            columns.add("feature_" + i);
        }
        for (String covariate : request.requiredCovariates()) {
            if (!columns.contains(covariate)) {
                columns.add(covariate);
            }
        }
        for (String covariate : request.additionalCovariates()) {
            if (!columns.contains(covariate)) {
                columns.add(covariate);
            }
        }
        return columns;
    }

    private static DataFrame frame(
            SampleDataRequest request, Random random, int numPeriods, int startPeriod, boolean future) {
        List<String> columns = columns(request);
        int locations = request.numLocations();
        boolean weekly = request.periodType() == PeriodType.WEEKLY;
        int periodsPerYear = weekly ? 52 : 12;
        long[] population = new long[locations];
        double[] phase = new double[locations];
        double[] baseCases = new double[locations];
        double[] amplitude = new double[locations];
        for (int l = 0; l < locations; l++) {
            population[l] = 50_000 + random.nextInt(1_500_000 - 50_000 + 1);
            phase[l] = random.nextDouble();
            baseCases[l] = uniform(random, 20.0, 70.0);
            amplitude[l] = uniform(random, 0.45, 0.7);
        }
        int covariateColumns = columns.size() - CANONICAL.size();
        List<List<Object>> rows = new ArrayList<>(numPeriods * locations);
        for (int p = 0; p < numPeriods; p++) {
            int absolute = startPeriod + p;
            double yearFraction = (absolute % periodsPerYear) / (double) periodsPerYear;
            String period = weekly
                    ? String.format("%d-W%02d", 2020 + absolute / 52, absolute % 52 + 1)
                    : String.format("%d-%02d", 2020 + absolute / 12, absolute % 12 + 1);
            for (int l = 0; l < locations; l++) {
                Object[] row = new Object[columns.size()];
                row[0] = period;
                row[1] = "location_" + l;
                double season = Math.sin(2.0 * Math.PI * (yearFraction - phase[l]));
                double rainfall = Math.max(0.0, 150.0 + 130.0 * season + uniform(random, -25.0, 25.0));
                double temperature =
                        24.0 + 7.0 * Math.sin(2.0 * Math.PI * (yearFraction - 0.08)) + uniform(random, -1.5, 1.5);
                double cases =
                        baseCases[l] * (1.0 + amplitude[l] * season) + 0.06 * rainfall + random.nextGaussian() * 4.0;
                row[2] = future ? null : Math.max(0.0, Math.rint(cases));
                row[3] = population[l];
                row[4] = round2(rainfall);
                row[5] = round2(temperature);
                for (int c = 0; c < covariateColumns; c++) {
                    double covariatePhase = (c + 1) / (double) (covariateColumns + 1);
                    double value = 50.0
                            + 35.0 * Math.sin(2.0 * Math.PI * (yearFraction - covariatePhase))
                            + uniform(random, -8.0, 8.0);
                    row[CANONICAL.size() + c] = round2(Math.min(100.0, Math.max(0.0, value)));
                }
                rows.add(DataFrame.row(row));
            }
        }
        return DataFrame.of(columns, rows).withInferredSchema(request.requiredCovariates(), null);
    }

    private static double uniform(Random random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** Python's {@code round(x, 2)}: correctly rounded from the binary value, ties to even. */
    private static double round2(double value) {
        return new BigDecimal(value).setScale(2, RoundingMode.HALF_EVEN).doubleValue();
    }
}
