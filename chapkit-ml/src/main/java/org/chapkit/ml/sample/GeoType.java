package org.chapkit.ml.sample;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The geometry of generated sample locations. */
public enum GeoType {
    /** Square 0.8° cells that tile into a grid. */
    POLYGON,
    /** The centre point of each cell. */
    POINT;

    /**
     * The wire name.
     *
     * @return {@code polygon} or {@code point}
     */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
