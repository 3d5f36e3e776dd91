package org.chapkit.info;

import com.fasterxml.jackson.annotation.JsonValue;

/** The author's own assessment of a model's maturity, as chap-core displays it. */
public enum AssessedStatus {
    GRAY,
    RED,
    ORANGE,
    YELLOW,
    GREEN;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
