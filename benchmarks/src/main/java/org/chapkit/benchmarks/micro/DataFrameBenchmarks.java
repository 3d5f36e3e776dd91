package org.chapkit.benchmarks.micro;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.ml.data.TablesawFrames;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tech.tablesaw.api.Table;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chap-core style DataFrame of {@value #ROWS} rows × 6 columns (period, location, two doubles, cases with gaps,
 * population): decoded from JSON into a Tablesaw table vs Jackson's plain tree parse of the same bytes, and
 * rendered to JSON vs Jackson writing the same lists as a map.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DataFrameBenchmarks {

    static final int ROWS = 1000;

    private JsonMapper mapper;
    private byte[] json;
    private DataFrame frame;
    private Map<String, Object> plain;

    @Setup
    public void setUp() {
        mapper = JsonMapper.builder().build();
        List<String> columns =
                List.of("time_period", "location", "rainfall", "mean_temperature", "disease_cases", "population");
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(DataFrame.row(
                    String.format(Locale.ROOT, "%d-%02d", 2000 + i / 12 % 20, i % 12 + 1),
                    "location_" + i % 10,
                    (i * 37 % 1000) / 10.0,
                    18 + (i * 13 % 120) / 10.0,
                    i % 17 == 0 ? null : (long) (i * 7 % 300),
                    100_000L + i));
        }
        frame = DataFrame.of(columns, rows);
        json = mapper.writeValueAsBytes(frame);
        plain = new LinkedHashMap<>();
        plain.put("columns", columns);
        plain.put("data", rows);
    }

    /** Ours: JSON → {@link DataFrame} (chapkit's streaming deserializer) → Tablesaw {@link Table}. */
    @Benchmark
    public Table decodeToTablesaw() {
        return TablesawFrames.toTable(mapper.readValue(json, DataFrame.class));
    }

    /** The first half of {@link #decodeToTablesaw}: JSON → {@link DataFrame} only (shows where decode time goes). */
    @Benchmark
    public DataFrame decodeToDataFrame() {
        return mapper.readValue(json, DataFrame.class);
    }

    /** Baseline: Jackson's tree parse of the same bytes. */
    @Benchmark
    public JsonNode jacksonTreeParse() {
        return mapper.readTree(json);
    }

    /** Ours: {@link DataFrame} → JSON. */
    @Benchmark
    public byte[] renderDataFrame() {
        return mapper.writeValueAsBytes(frame);
    }

    /** Baseline: Jackson writing the same columns and rows as a plain map. */
    @Benchmark
    public byte[] renderPlainMap() {
        return mapper.writeValueAsBytes(plain);
    }
}
