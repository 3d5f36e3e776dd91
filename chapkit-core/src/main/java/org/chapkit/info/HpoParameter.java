package org.chapkit.info;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The search space of one hyper-parameter, in the form chap-core's HPO reads it
 * ({@code chap_core.hpo.base.load_search_space_from_config}): either a list of {@code values} to choose from, or a
 * range from {@code low} to {@code high} (inclusive) of {@code type} {@code int} or {@code float}, optionally on a
 * {@code step} grid or a {@code log} scale.
 *
 * @param values the candidate values (categorical); when given, the range members must be absent
 * @param low lower bound of a range
 * @param high upper bound of a range
 * @param type {@code int} or {@code float}; chap-core infers it from {@code low}/{@code high} when absent
 * @param step grid step, or null for a continuous float range (ints default to 1)
 * @param log whether to sample on a log scale
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HpoParameter(List<Object> values, Number low, Number high, Type type, Number step, Boolean log) {

    /**
     * Checks the shape chap-core accepts.
     *
     * @throws IllegalArgumentException when it is neither a non-empty list of values nor a complete range
     */
    public HpoParameter {
        values = values == null ? null : List.copyOf(values);
        boolean categorical = values != null;
        boolean range = low != null || high != null;
        if (categorical == range) {
            throw new IllegalArgumentException(
                    "an HPO parameter needs either 'values' (a non-empty list) or 'low' and 'high', not both");
        }
        if (categorical && values.isEmpty()) {
            throw new IllegalArgumentException("an HPO parameter's 'values' must not be empty");
        }
        if (range && (low == null || high == null)) {
            throw new IllegalArgumentException("an HPO range needs both 'low' and 'high'");
        }
        if (range && low.doubleValue() > high.doubleValue()) {
            throw new IllegalArgumentException("an HPO range needs low <= high, got " + low + " > " + high);
        }
        if (Boolean.TRUE.equals(log) && range && low.doubleValue() <= 0) {
            throw new IllegalArgumentException("a log-scale HPO range needs low > 0, got " + low);
        }
    }

    /** A categorical parameter. */
    public static HpoParameter choice(List<?> values) {
        return new HpoParameter(List.copyOf(values), null, null, null, null, null);
    }

    /** An integer range with step 1. */
    public static HpoParameter intRange(long low, long high) {
        return new HpoParameter(null, low, high, Type.INT, null, null);
    }

    /** A continuous float range. */
    public static HpoParameter floatRange(double low, double high) {
        return new HpoParameter(null, low, high, Type.FLOAT, null, null);
    }

    /** The value type of a range. */
    public enum Type {
        @JsonProperty("int")
        INT,
        @JsonProperty("float")
        FLOAT
    }
}
