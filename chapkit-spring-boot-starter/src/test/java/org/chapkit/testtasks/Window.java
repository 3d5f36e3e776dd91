package org.chapkit.testtasks;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/**
 * A structured task parameter.
 *
 * @param from first day
 * @param days how many days
 */
public record Window(
        @NotNull @JsonProperty("from") LocalDate from,
        @Min(1) @Max(366) @JsonProperty("days") int days) {}
