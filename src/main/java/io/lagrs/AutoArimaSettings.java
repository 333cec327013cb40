package io.lagrs;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.StringJoiner;

/**
 * The settings of an {@link AutoArima.Builder}, each checked when it is set, and their spec
 * text. The options cross the bridge only as that text, by name: {@link #text()} writes the
 * core's canonical form (the settings that differ from R's defaults, in the core's order), so
 * a spec's text is the same whether Java or the core wrote it.
 */
final class AutoArimaSettings {
    private static final AutoArimaSettings DEFAULTS = new AutoArimaSettings();

    private int period = 1;
    /** Null: chosen by the tests. */
    private Integer d;
    private Integer seasonalD;
    private int maxP = 5, maxQ = 5, maxSeasonalP = 2, maxSeasonalQ = 2, maxOrder = 5;
    private int maxD = 2, maxSeasonalD = 1;
    private int startP = 2, startQ = 2, startSeasonalP = 1, startSeasonalQ = 1;
    private int nmodels = 94;
    private boolean stationary = false, seasonal = true, stepwise = true;
    private boolean allowDrift = true, allowMean = true, biasAdjust = false;
    private InformationCriterion ic = InformationCriterion.AICC;
    /** Null: R's default (approximate for long series or long periods). */
    private Boolean approximation;
    private UnitRootTest unitRootTest = UnitRootTest.KPSS;
    private SeasonalTest seasonalTest = SeasonalTest.SEASONAL_STRENGTH;
    private double alpha = 0.05, seasonalAlpha = 0.05;
    /** A fixed Box-Cox lambda; null with {@link #lambdaAuto} for Guerrero's, else no transform. */
    private Double lambda;
    private boolean lambdaAuto;

    private static int count(int value, String name) {
        Checks.nonNegative(value, name);
        return value;
    }

    private static int atLeastOne(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        }
        return value;
    }

    private static double level(double value, String name) {
        if (!(value > 0.0 && value < 1.0)) {
            throw new IllegalArgumentException(name + " must be in (0, 1), got " + value);
        }
        return value;
    }

    void seasonalPeriod(int m) {
        period = atLeastOne(m, "seasonalPeriod");
    }

    void d(int v) {
        d = count(v, "d");
    }

    void seasonalD(int v) {
        seasonalD = count(v, "seasonalD");
    }

    void maxP(int v) {
        maxP = count(v, "maxP");
    }

    void maxQ(int v) {
        maxQ = count(v, "maxQ");
    }

    void maxSeasonalP(int v) {
        maxSeasonalP = count(v, "maxSeasonalP");
    }

    void maxSeasonalQ(int v) {
        maxSeasonalQ = count(v, "maxSeasonalQ");
    }

    void maxOrder(int v) {
        maxOrder = count(v, "maxOrder");
    }

    void maxD(int v) {
        maxD = count(v, "maxD");
    }

    void maxSeasonalD(int v) {
        maxSeasonalD = count(v, "maxSeasonalD");
    }

    void startP(int v) {
        startP = count(v, "startP");
    }

    void startQ(int v) {
        startQ = count(v, "startQ");
    }

    void startSeasonalP(int v) {
        startSeasonalP = count(v, "startSeasonalP");
    }

    void startSeasonalQ(int v) {
        startSeasonalQ = count(v, "startSeasonalQ");
    }

    void nmodels(int v) {
        nmodels = atLeastOne(v, "nmodels");
    }

    void stationary(boolean v) {
        stationary = v;
    }

    void seasonal(boolean v) {
        seasonal = v;
    }

    void stepwise(boolean v) {
        stepwise = v;
    }

    void allowDrift(boolean v) {
        allowDrift = v;
    }

    void allowMean(boolean v) {
        allowMean = v;
    }

    void biasAdjust(boolean v) {
        biasAdjust = v;
    }

    void approximation(boolean v) {
        approximation = v;
    }

    void ic(InformationCriterion v) {
        ic = Checks.notNull(v, "ic");
    }

    void unitRootTest(UnitRootTest v) {
        unitRootTest = Checks.notNull(v, "unitRootTest");
    }

    void seasonalTest(SeasonalTest v) {
        seasonalTest = Checks.notNull(v, "seasonalTest");
    }

    void unitRootAlpha(double v) {
        alpha = level(v, "unitRootAlpha");
    }

    void seasonalTestAlpha(double v) {
        seasonalAlpha = level(v, "seasonalTestAlpha");
    }

    void lambda(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("lambda must be finite, got " + v);
        }
        lambda = v;
        lambdaAuto = false;
    }

    void lambdaAuto() {
        lambda = null;
        lambdaAuto = true;
    }

    void noLambda() {
        lambda = null;
        lambdaAuto = false;
    }

    /**
     * The canonical spec text, e.g. {@code auto_arima(max_p=3,stepwise=false,ic=bic)[12]}: the
     * names and order of the core's writer, which {@code ModelSpec.parse} reads back to the same
     * text. {@code biasadj} is written only with a lambda: it has no effect without one, and the
     * core refuses it there.
     */
    String text() {
        AutoArimaSettings o = DEFAULTS;
        StringJoiner args = new StringJoiner(",", "(", ")").setEmptyValue("");
        if (d != null) {
            args.add("d=" + d);
        }
        if (seasonalD != null) {
            args.add("seasonal_d=" + seasonalD);
        }
        int[] counts = {maxP, maxQ, maxSeasonalP, maxSeasonalQ, maxOrder, maxD, maxSeasonalD, startP, startQ,
            startSeasonalP, startSeasonalQ, nmodels};
        int[] defaults = {o.maxP, o.maxQ, o.maxSeasonalP, o.maxSeasonalQ, o.maxOrder, o.maxD, o.maxSeasonalD,
            o.startP, o.startQ, o.startSeasonalP, o.startSeasonalQ, o.nmodels};
        String[] countNames = {"max_p", "max_q", "max_seasonal_p", "max_seasonal_q", "max_order", "max_d",
            "max_seasonal_d", "start_p", "start_q", "start_seasonal_p", "start_seasonal_q", "nmodels"};
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != defaults[i]) {
                args.add(countNames[i] + "=" + counts[i]);
            }
        }
        boolean hasLambda = lambda != null || lambdaAuto;
        boolean[] flags = {stationary, seasonal, stepwise, allowDrift, allowMean, biasAdjust && hasLambda};
        boolean[] flagDefaults = {o.stationary, o.seasonal, o.stepwise, o.allowDrift, o.allowMean, o.biasAdjust};
        String[] flagNames = {"stationary", "seasonal", "stepwise", "allow_drift", "allow_mean", "biasadj"};
        for (int i = 0; i < flags.length; i++) {
            if (flags[i] != flagDefaults[i]) {
                args.add(flagNames[i] + "=" + flags[i]);
            }
        }
        if (ic != o.ic) {
            args.add("ic=" + icName(ic));
        }
        if (approximation != null) {
            args.add("approximation=" + approximation);
        }
        if (unitRootTest != o.unitRootTest) {
            args.add("test=" + testName(unitRootTest));
        }
        if (seasonalTest != o.seasonalTest) {
            args.add("seasonal_test=" + seasonalTestName(seasonalTest));
        }
        if (alpha != o.alpha) {
            args.add("alpha=" + number(alpha));
        }
        if (seasonalAlpha != o.seasonalAlpha) {
            args.add("seasonal_alpha=" + number(seasonalAlpha));
        }
        if (hasLambda) {
            args.add("lambda=" + (lambdaAuto ? "auto" : number(lambda)));
        }
        return "auto_arima" + args + (period > 1 ? "[" + period + "]" : "");
    }

    private static String icName(InformationCriterion v) {
        return switch (v) {
            case AICC -> "aicc";
            case AIC -> "aic";
            case BIC -> "bic";
        };
    }

    private static String testName(UnitRootTest v) {
        return switch (v) {
            case KPSS -> "kpss";
            case ADF -> "adf";
            case PP -> "pp";
        };
    }

    private static String seasonalTestName(SeasonalTest v) {
        return switch (v) {
            case SEASONAL_STRENGTH -> "seas";
            case OCSB -> "ocsb";
            case CANOVA_HANSEN -> "ch";
        };
    }

    /**
     * A finite double as the core writes it: the shortest decimal that reads back to the same
     * double (the nearest such one), in plain notation, without a trailing {@code .0}. Java's
     * own {@code Double.toString} is neither always shortest (before Java 19) nor plain.
     */
    static String number(double x) {
        if (x == 0.0) {
            return Double.doubleToRawLongBits(x) < 0 ? "-0" : "0";
        }
        BigDecimal exact = new BigDecimal(x);
        // The shortest decimal that reads back lies beside x: rounded down or up to that many digits.
        for (int digits = 1; digits < 17; digits++) {
            BigDecimal down = exact.round(new MathContext(digits, RoundingMode.DOWN));
            BigDecimal up = exact.round(new MathContext(digits, RoundingMode.UP));
            boolean downReads = down.doubleValue() == x;
            boolean upReads = up.doubleValue() == x;
            if (downReads && upReads) {
                return plain(exact.round(new MathContext(digits, RoundingMode.HALF_EVEN)));
            }
            if (downReads || upReads) {
                return plain(downReads ? down : up);
            }
        }
        // Seventeen significant digits always read back.
        return plain(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    /** For {@code Builder.toString()}: the settings people look for first. */
    String describe() {
        return "seasonalPeriod=" + period + ", d=" + (d == null ? "auto" : d) + ", seasonalD="
                + (seasonalD == null ? "auto" : seasonalD) + ", ic=" + ic + ", stepwise=" + stepwise
                + ", approximation=" + (approximation == null ? "auto" : approximation) + ", unitRootTest="
                + unitRootTest + ", seasonalTest=" + seasonalTest + ", lambda="
                + (lambdaAuto ? "auto" : lambda == null ? "none" : Double.toString(lambda));
    }
}
