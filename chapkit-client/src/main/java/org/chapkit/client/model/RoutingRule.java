package org.chapkit.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A model's A/B routing rule.
 *
 * @param splits aliases and weights
 * @param shadow the alias run in shadow, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoutingRule(
        @JsonProperty("splits") List<Split> splits,
        @JsonProperty("shadow") String shadow) {

    /**
     * One branch.
     *
     * @param alias the alias
     * @param weight its relative share
     */
    public record Split(
            @JsonProperty("alias") String alias,
            @JsonProperty("weight") int weight) {}
}
