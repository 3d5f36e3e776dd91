package org.chapkit.ml.data;

import java.math.BigDecimal;

/** Formats values the way Python's {@code str()} does, so files written for scripts match chapkit's. */
public final class PythonValues {

    private PythonValues() {}

    /**
     * Python's {@code str()} of a cell: {@code True}/{@code False}, {@code repr} for floats, {@code ""} for
     * {@code null}, {@code toString()} otherwise.
     *
     * @param value the value
     * @return the text
     */
    public static String str(Object value) {
        return switch (value) {
            case null -> "";
            case Boolean b -> b ? "True" : "False";
            case Double d -> repr(d);
            case Float f -> repr(f.doubleValue());
            case BigDecimal big -> repr(big.doubleValue());
            default -> value.toString();
        };
    }

    /**
     * Python's {@code repr(float)}: the shortest round-tripping digits, fixed notation for decimal exponents in
     * [-4, 16) with at least one fractional digit ({@code 10.0}), else {@code 1e+16} / {@code 1.5e-05}.
     *
     * @param value the value
     * @return the text
     */
    public static String repr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0.0" : "0.0";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-3 && magnitude < 1e7) {
            // Both use fixed notation with the shortest round-tripping digits (JDK 19+) here: no re-layout needed.
            return Double.toString(value);
        }
        // Double.toString gives the shortest round-tripping digits (JDK 19+); only the layout differs.
        BigDecimal exact = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
        String digits = exact.unscaledValue().toString();
        int exponent = digits.length() - 1 - exact.scale();
        String sign = value < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = exact.toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exp = String.format("%02d", Math.abs(exponent));
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }
}
