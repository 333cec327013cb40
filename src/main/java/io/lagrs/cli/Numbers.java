package io.lagrs.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How numbers are written to CSV: ten significant digits, no trailing zeros, empty for NaN;
 * below 1e-5 and from 1e15 on in exponent notation as R writes it ({@code 1.5e+300}).
 */
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
        BigDecimal d = new BigDecimal(v).round(SIGNIFICANT).stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1;
        if (v == 0 || (exponent >= -5 && exponent < 15)) {
            return d.toPlainString();
        }
        // written out, 1e300 would be 301 digits
        String mantissa = d.movePointLeft(exponent).toPlainString();
        return String.format(Locale.ROOT, "%se%s%02d", mantissa, exponent < 0 ? "-" : "+", Math.abs(exponent));
    }

    /** A level in percent without a needless ".0" (80, 95, 99.5). */
    static String level(double percent) {
        return BigDecimal.valueOf(percent).stripTrailingZeros().toPlainString();
    }
}
