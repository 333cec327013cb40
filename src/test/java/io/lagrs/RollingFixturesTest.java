package io.lagrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rolling statistics, ewm and lags through the Java API against the pandas golden fixtures
 * (testdata/rolling/make_rolling_fixtures.py), to 1e-12 relative. Where pandas itself is off
 * by more than that (large offsets), the fixture holds the exact value instead and says so in
 * {@code expected_source}.
 */
class RollingFixturesTest {
    private static final double RELATIVE_TOLERANCE = 1e-12;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String file : new String[] {"rolling/rolling.json", "rolling/ewm.json", "rolling/lags.json"}) {
            for (JsonNode c : Fixtures.read(file).get("cases")) {
                cases.add(Arguments.of(c.get("function").asText() + " " + c.get("name").asText(), c));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPandas(String name, JsonNode c) {
        double[] x = Fixtures.doubles(c.get("x"));
        double[] expected = Fixtures.doubles(c.get("expected"));
        String function = c.get("function").asText();
        if (function.startsWith("rolling_")) {
            RollingStatistic stat = statistic(function, c);
            int window = c.get("window").asInt();
            int minPeriods = c.get("min_periods").asInt();
            assertAllClose(name, expected, Rolling.apply(stat, x, window, minPeriods));
            // The same series twice in the flat many-series form: windows must not cross over.
            double[] twice = new double[2 * x.length];
            System.arraycopy(x, 0, twice, 0, x.length);
            System.arraycopy(x, 0, twice, x.length, x.length);
            double[] many = Rolling.applyMany(stat, twice, new int[] {0, x.length, 2 * x.length}, window, minPeriods);
            assertAllClose(name + " (many, first)", expected, java.util.Arrays.copyOfRange(many, 0, x.length));
            assertAllClose(name + " (many, second)", expected, java.util.Arrays.copyOfRange(many, x.length, 2 * x.length));
        } else if (function.equals("ewm_mean")) {
            assertAllClose(name, expected, Rolling.ewmMean(x, c.get("alpha").asDouble()));
        } else {
            int k = c.get("k").asInt();
            double[] actual = switch (function) {
                case "lag" -> Lags.lag(x, k);
                case "diff" -> Lags.diff(x, k);
                case "pct_change" -> Lags.pctChange(x, k);
                default -> throw new IllegalArgumentException("unknown fixture function " + function);
            };
            assertAllClose(name, expected, actual);
        }
    }

    private static RollingStatistic statistic(String function, JsonNode c) {
        return switch (function) {
            case "rolling_mean" -> RollingStatistic.MEAN;
            case "rolling_sum" -> RollingStatistic.SUM;
            case "rolling_var" -> RollingStatistic.VAR;
            case "rolling_std" -> RollingStatistic.STD;
            case "rolling_min" -> RollingStatistic.MIN;
            case "rolling_max" -> RollingStatistic.MAX;
            case "rolling_median" -> RollingStatistic.MEDIAN;
            case "rolling_quantile" -> RollingStatistic.quantile(c.get("q").asDouble());
            default -> throw new IllegalArgumentException("unknown fixture function " + function);
        };
    }

    private static void assertAllClose(String name, double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, name + ": length");
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            double a = actual[i];
            String where = name + " at " + i + ": expected " + e + ", got " + a;
            if (Double.isNaN(e) || Double.isInfinite(e)) {
                assertTrue(Double.compare(e, a) == 0, where);
            } else {
                assertTrue(Math.abs(a - e) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(e)), where);
            }
        }
    }
}
