package org.chapkit.ml.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.chapkit.ml.data.PythonValues;
import org.junit.jupiter.api.Test;

/** The CSV writer copies a stored float's text only where it already is Python's {@code repr}. */
class CsvFormatTests {

    @Test
    void copiedFloatTextsAreExactlyPythonsRepr() {
        Random random = new Random(7);
        int copied = 0;
        for (int i = 0; i < 200_000; i++) {
            double value = switch (i % 4) {
                case 0 -> random.nextGaussian();
                case 1 -> Math.round(random.nextDouble() * 1e6) / 1e3;
                case 2 -> random.nextDouble() * Math.pow(10, random.nextInt(30) - 15);
                default -> Double.longBitsToDouble(random.nextLong());
            };
            String stored = Double.toString(value);
            if (CsvFormat.pythonRepr(stored.toCharArray(), 0, stored.length())) {
                copied++;
                assertThat(stored).as("%s", value).isEqualTo(PythonValues.repr(value));
            }
        }
        assertThat(copied).as("the fast path is taken for ordinary values").isGreaterThan(100_000);
    }

    @Test
    void textsThatAreNotPythonsReprAreFormattedInstead() {
        for (String text : new String[] {"1.50", "0.0", "-0.0", "0.0001", "1.0E-5", "1e5", "12345678.0", "5", "-"}) {
            assertThat(CsvFormat.pythonRepr(text.toCharArray(), 0, text.length()))
                    .as(text)
                    .isFalse();
        }
        for (String text : new String[] {"1.5", "-0.25", "0.001", "1234567.0", "0.30000000000000004", "10.0"}) {
            assertThat(CsvFormat.pythonRepr(text.toCharArray(), 0, text.length()))
                    .as(text)
                    .isTrue();
        }
    }
}
