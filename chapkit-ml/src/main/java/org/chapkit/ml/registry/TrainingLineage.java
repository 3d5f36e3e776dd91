package org.chapkit.ml.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chapkit.contract.ChapkitVersion;
import org.chapkit.ml.data.DataFrame;
import org.springframework.core.SpringVersion;
import tools.jackson.databind.json.JsonMapper;

/** Builds the {@link ModelLineage} of a training from what the workflow has at hand when it stores the artifact. */
public final class TrainingLineage {

    private static final char CELL = '\u001f';
    private static final char ROW = '\u001e';

    private TrainingLineage() {}

    /**
     * The lineage of one training.
     *
     * @param configId the config ULID
     * @param configVersion the config's version
     * @param data the training frame
     * @param runnerType the runner's class
     * @param modelClass the trained model's class name, or {@code null}
     * @param durationSeconds the training's duration
     * @param jobId the training job's id
     * @param metrics metrics logged during training
     * @return the lineage
     */
    public static ModelLineage of(
            String configId,
            long configVersion,
            DataFrame data,
            Class<?> runnerType,
            String modelClass,
            Double durationSeconds,
            String jobId,
            Map<String, Double> metrics) {
        Map<String, String> libraries = new LinkedHashMap<>();
        String spring = SpringVersion.getVersion();
        if (spring != null) {
            libraries.put("spring-framework", spring);
        }
        libraries.put("jackson", JsonMapper.builder().build().version().toString());
        return new ModelLineage(
                configId,
                configVersion,
                sha256(data),
                data.size(),
                data.columns().size(),
                data.columns(),
                runnerType.getName(),
                modelClass,
                ChapkitVersion.current(),
                Runtime.version().toString(),
                libraries,
                durationSeconds,
                jobId,
                metrics);
    }

    /**
     * The SHA-256 of a frame's columns and cells: each cell as its type and text, so the same data hashes the same
     * whichever format (JSON, CSV, Parquet) it came in as long as the cell types agree.
     *
     * @param data the frame
     * @return the lowercase hex digest
     */
    public static String sha256(DataFrame data) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
        StringBuilder text = new StringBuilder();
        for (String column : data.columns()) {
            text.append(column).append(CELL);
        }
        text.append(ROW);
        for (List<Object> row : data.rows()) {
            for (Object cell : row) {
                text.append(cell(cell)).append(CELL);
            }
            text.append(ROW);
            if (text.length() > 64 * 1024) {
                digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
                text.setLength(0);
            }
        }
        digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String cell(Object cell) {
        if (cell == null) {
            return "null";
        }
        if (cell instanceof Number number) {
            double value = number.doubleValue();
            return "n:"
                    + (value == Math.rint(value) && !Double.isInfinite(value) ? Long.toString((long) value) : value);
        }
        return (cell instanceof Boolean ? "b:" : "s:") + cell;
    }
}
