package org.chapkit.ml.service;

import java.util.ArrayList;
import java.util.List;
import org.chapkit.ml.data.DataFrame;
import org.chapkit.problem.FieldError;
import org.chapkit.problem.ValidationFailedException;

/**
 * The checks a {@code $train}, {@code $predict} or {@code $validate} body passes before anything is accepted, so a
 * request that cannot succeed is a 400 naming its fields instead of a 202 whose job fails: every frame is present,
 * every row has one cell per column, and the frame has the {@value #TIME_PERIOD} column the runners key on.
 */
final class FrameChecks {

    static final String TIME_PERIOD = "time_period";

    private final List<FieldError> errors = new ArrayList<>();

    /** Checks one frame; {@code required} frames must be present. */
    FrameChecks frame(String field, DataFrame frame, boolean required) {
        if (frame == null) {
            if (required) {
                errors.add(new FieldError(field, "is required (a DataFrame {columns, data})"));
            }
            return this;
        }
        int width = frame.columns().size();
        List<List<Object>> rows = frame.rows();
        for (int i = 0; i < rows.size(); i++) {
            List<Object> row = rows.get(i);
            if (row == null || row.size() != width) {
                errors.add(new FieldError(
                        field + ".data[" + i + "]",
                        "has " + (row == null ? 0 : row.size()) + " values for " + width + " columns"));
                break; // one ragged row says enough; the rest may be thousands
            }
        }
        if (!frame.columns().isEmpty() && !frame.columns().contains(TIME_PERIOD)) {
            errors.add(new FieldError(field + ".columns", "must contain '" + TIME_PERIOD + "'"));
        }
        return this;
    }

    /** Throws the 400 listing every problem found, if any. */
    void orFail() {
        if (!errors.isEmpty()) {
            throw ValidationFailedException.invalid("request", errors);
        }
    }
}
