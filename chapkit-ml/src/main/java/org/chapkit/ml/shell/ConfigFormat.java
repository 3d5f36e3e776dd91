package org.chapkit.ml.shell;

/** The layout of the {@code config.yml} written into a shell workspace. */
public enum ConfigFormat {
    /** Every config field at the top level (chapkit's default). */
    FLAT,
    /**
     * chap-core's MLproject layout: {@code prediction_periods} and {@code additional_continuous_covariates} at the
     * top level, every other field under {@code user_option_values}.
     */
    CHAP_CORE
}
