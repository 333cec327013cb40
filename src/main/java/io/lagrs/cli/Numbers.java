package io.lagrs.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** How numbers are written to CSV: ten significant digits, no trailing zeros, empty for NaN. */
final class Numbers {
    private static final MathContext SIGNIFICANT = new MathContext(10, RoundingMode.HALF_EVEN);

    private Numbers() {
    }

    /** Ten significant digits are enough for data and hide float noise; NaN is an empty field. */
    static String format(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Inf" : "-Inf";
        }
        return new BigDecimal(v).round(SIGNIFICANT).stripTrailingZeros().toPlainString();
    }

    /** A level in percent without a needless ".0" (80, 95, 99.5). */
    static String level(double percent) {
        return BigDecimal.valueOf(percent).stripTrailingZeros().toPlainString();
    }
}
