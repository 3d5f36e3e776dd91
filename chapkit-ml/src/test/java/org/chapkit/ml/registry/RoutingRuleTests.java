package org.chapkit.ml.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chapkit.problem.ValidationFailedException;
import org.junit.jupiter.api.Test;

/** {@link RoutingRule}: splits within statistical bounds, the same alias for the same key, and checked rules. */
class RoutingRuleTests {

    private final RoutingRule rule = new RoutingRule(
            List.of(new RoutingRule.Split("champion", 90), new RoutingRule.Split("challenger", 10)), null);

    @Test
    void randomChoicesSplitByWeightWithinFourStandardDeviations() {
        int n = 20_000;
        int challenger = count(n, i -> rule.choose(null));
        // binomial(n, 0.1): sd = sqrt(n * 0.1 * 0.9) ≈ 42; ±4 sd fails once in ~15 000 runs
        assertThat(challenger).isBetween(2000 - 170, 2000 + 170);
    }

    @Test
    void keyedChoicesSplitByWeightAndAKeyAlwaysGetsTheSameAlias() {
        int n = 20_000;
        int challenger = count(n, i -> rule.choose("location-" + i));
        assertThat(challenger).isBetween(2000 - 170, 2000 + 170);
        Map<String, String> first = new HashMap<>();
        for (int i = 0; i < 500; i++) {
            first.put("key-" + i, rule.choose("key-" + i));
        }
        for (int round = 0; round < 3; round++) {
            first.forEach((key, alias) -> assertThat(rule.choose(key)).isEqualTo(alias));
        }
        // a function of the key alone: another rule object with the same splits agrees
        RoutingRule same = new RoutingRule(rule.splits(), "challenger");
        first.forEach((key, alias) -> assertThat(same.choose(key)).isEqualTo(alias));
    }

    @Test
    void badRulesAreRefused() {
        assertThatThrownBy(() -> new RoutingRule(List.of(), null)).isInstanceOf(ValidationFailedException.class);
        assertThatThrownBy(() -> new RoutingRule(List.of(new RoutingRule.Split("a", 0)), null))
                .isInstanceOf(ValidationFailedException.class)
                .hasMessageContaining("positive");
        assertThatThrownBy(() ->
                        new RoutingRule(List.of(new RoutingRule.Split("a", 1), new RoutingRule.Split("a", 2)), null))
                .isInstanceOf(ValidationFailedException.class)
                .hasMessageContaining("twice");
    }

    private static int count(int n, java.util.function.IntFunction<String> choose) {
        int challenger = 0;
        for (int i = 0; i < n; i++) {
            if (choose.apply(i).equals("challenger")) {
                challenger++;
            }
        }
        return challenger;
    }
}
