package org.chapkit.ml.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.chapkit.problem.FieldError;
import org.chapkit.problem.ValidationFailedException;

/**
 * A model's A/B routing: requests that name the model but no version or alias go to one of the split's aliases in
 * proportion to its weight (e.g. {@code champion} 90, {@code challenger} 10). With a routing key (a location, a
 * user) the choice is a function of the key alone, so the same key always reaches the same alias, on every instance;
 * without one it is random. A {@code shadow} alias is run too, on every routed {@code $predict}: its prediction is
 * stored beside the answered one, and the caller gets the routed one.
 *
 * @param splits the aliases and their weights
 * @param shadow the alias run in shadow, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoutingRule(
        @JsonProperty("splits") List<Split> splits,
        @JsonProperty("shadow") String shadow) {

    /**
     * One branch of the split.
     *
     * @param alias the alias requests go to
     * @param weight its share, relative to the others' ({@code > 0})
     */
    public record Split(
            @JsonProperty("alias") String alias,
            @JsonProperty("weight") int weight) {}

    /**
     * Checks the rule: at least one split, positive weights, distinct aliases.
     *
     * @throws ValidationFailedException otherwise
     */
    public RoutingRule {
        if (splits == null || splits.isEmpty()) {
            throw ValidationFailedException.invalid(new FieldError("splits", "needs at least one alias"));
        }
        Set<String> seen = new HashSet<>();
        long total = 0;
        for (Split split : splits) {
            if (split == null || split.alias() == null || split.alias().isBlank()) {
                throw ValidationFailedException.invalid(new FieldError("splits", "every split needs an alias"));
            }
            if (split.weight() <= 0) {
                throw ValidationFailedException.invalid(
                        new FieldError("splits", "the weight of " + split.alias() + " must be positive"));
            }
            if (!seen.add(split.alias())) {
                throw ValidationFailedException.invalid(
                        new FieldError("splits", "alias " + split.alias() + " is listed twice"));
            }
            total += split.weight();
        }
        if (total > 1_000_000) {
            throw ValidationFailedException.invalid(
                    new FieldError("splits", "the weights add up to more than 1000000"));
        }
        splits = List.copyOf(splits);
        if (shadow != null && shadow.isBlank()) {
            shadow = null;
        }
    }

    /**
     * The alias a request goes to.
     *
     * @param routingKey the request's routing key, or {@code null} for a random choice
     * @return the chosen split's alias
     */
    public String choose(String routingKey) {
        int total = splits.stream().mapToInt(Split::weight).sum();
        long point = routingKey == null
                ? ThreadLocalRandom.current().nextInt(total)
                : Math.floorMod(hash(routingKey), (long) total);
        for (Split split : splits) {
            point -= split.weight();
            if (point < 0) {
                return split.alias();
            }
        }
        return splits.getLast().alias();
    }

    /** The first 8 bytes of the key's SHA-256: stable across JVMs and instances, unlike {@code hashCode}. */
    private static long hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, 8).getLong();
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
    }
}
